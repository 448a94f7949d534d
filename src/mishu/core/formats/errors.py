"""Errors raised when text cannot be read as a date, period or number.

Each error carries the offending ``value``, the ``field`` it came from and an
example of the ``expected`` form, so the user-facing ``message`` can tell the
clerk exactly what to type instead.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

# Pasted paragraphs would otherwise end up verbatim in the message.
_MAX_SHOWN = 40


def _shorten(value: object) -> str:
    text = str(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _interpolate(template, params: dict) -> str:
    return str(template) % params


_lazy_interpolate = lazy(_interpolate, str)


class FormatError(ValueError):
    """Text that does not have the form the formats module expects.

    Attributes: ``value`` (the rejected input), ``field`` (the name of the
    field it was typed into, may be empty), ``expected`` (an example of a valid
    form) and ``code`` (a short machine-readable code, as for Django's
    ``ValidationError``). ``message`` is a lazy, translatable string;
    ``str(exc)`` renders it in the active language.
    """

    code = "invalid"
    default_expected = ""
    template = _("%(field)s: “%(value)s” is not valid; expected a form like %(expected)s.")
    template_without_field = _("“%(value)s” is not valid; expected a form like %(expected)s.")

    def __init__(self, value: object, *, field: str = "", expected: str | None = None) -> None:
        super().__init__(value)
        self.value = value
        self.field = field
        self.expected = self.default_expected if expected is None else expected

    @property
    def params(self) -> dict:
        """The values interpolated into the message."""
        return {"field": self.field, "value": _shorten(self.value), "expected": self.expected}

    @property
    def message(self):
        """The user-facing message as a lazy string, translated when rendered."""
        template = self.template if self.field else self.template_without_field
        return _lazy_interpolate(template, self.params)

    def __str__(self) -> str:
        try:
            return str(self.message)
        except ImproperlyConfigured:
            # Translation needs Django settings; a script or bare test without
            # them must still get a readable traceback.
            label = self.field or type(self).__name__
            return f"{label}: {self.value!r} (expected a form like {self.expected})"


class DateFormatError(FormatError):
    """Text that is not a valid date, or names a date that does not exist."""

    code = "invalid_date"
    default_expected = "108 年 7 月 1 日"
    template = _("%(field)s: “%(value)s” is not a valid date; expected a form like %(expected)s.")
    template_without_field = _(
        "“%(value)s” is not a valid date; expected a form like %(expected)s."
    )


class DateRangeError(DateFormatError):
    """A date range whose end comes before its start."""

    code = "invalid_date_range"
    default_expected = "108 年 7 月 1 日至 12 月 31 日"
    template = _(
        "%(field)s: “%(value)s” is not a valid date range; the end date must not come before "
        "the start date, as in %(expected)s."
    )
    template_without_field = _(
        "“%(value)s” is not a valid date range; the end date must not come before the start "
        "date, as in %(expected)s."
    )


class PeriodFormatError(FormatError):
    """Text that is not a valid reporting period (year, half-year, quarter or month)."""

    code = "invalid_period"
    default_expected = "108H2"
    template = _("%(field)s: “%(value)s” is not a valid period; expected a form like %(expected)s.")
    template_without_field = _(
        "“%(value)s” is not a valid period; expected a form like %(expected)s."
    )


class NumberFormatError(FormatError):
    """Text that is not a valid number."""

    code = "invalid_number"
    default_expected = "1,151 萬 9,200"
    template = _("%(field)s: “%(value)s” is not a valid number; expected a form like %(expected)s.")
    template_without_field = _(
        "“%(value)s” is not a valid number; expected a form like %(expected)s."
    )
