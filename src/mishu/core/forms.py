"""Forms shared across Mishu."""

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from . import formats


class LoginForm(AuthenticationForm):
    """The staff login; autocomplete hints let password managers and screen readers help."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")


def user_text_error(exc) -> forms.ValidationError:
    """A ValidationError whose message quotes what the user typed: passed as a parameter, so that
    a `%` in it is never read as a format directive (django-filter formats every message)."""
    return forms.ValidationError("%(message)s", code="invalid", params={"message": str(exc)})


class RocDateField(forms.DateField):
    """A date typed the way a clerk writes it: `108 年 7 月 1 日`, `108/7/1`, `1080701` or ISO."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"placeholder": "108/7/1", "inputmode": "numeric"})
        )
        kwargs.setdefault("help_text", _("ROC date, e.g. 108/7/1 or 108 年 7 月 1 日"))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            roc = formats.roc_year(value)
            return f"{roc}/{value.month}/{value.day}" if roc > 0 else formats.format_date(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return formats.parse_date(str(value), field=str(self.label or ""))
        except formats.FormatError as exc:
            raise user_text_error(exc) from exc


class PeriodField(forms.CharField):
    """A reporting period: `108H2`, `2019H2`, `108Q3`, `108-07`, `108` or `108 年下半年`."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("e.g. 108H2, 108Q3, 108-07 or 108"))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return formats.Period.parse(value, field=str(self.label or ""))
        except formats.FormatError as exc:
            raise user_text_error(exc) from exc


def restrict_related_fields(form, user, action: str) -> None:
    """Narrow every record choice of `form` (a model form, or any form with `Meta.model`) to
    what `user` may point at when performing `action`: see `permissions.related_choices`.
    A forbidden record is then refused exactly like one that does not exist."""
    from . import permissions

    meta = getattr(form, "_meta", None) or getattr(form, "Meta", None)
    model = getattr(meta, "model", None)
    for name, field in form.fields.items():
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = permissions.related_choices(
                field.queryset, user, model=model, name=name, action=action
            )
    form_clean = form.clean

    def clean():
        # the net under fields that resolve a record their own way (a number typed as text)
        data = form_clean()
        data = form.cleaned_data if data is None else data
        for name, value in list(data.items()):
            if isinstance(value, Model) and not isinstance(
                form.fields.get(name), forms.ModelChoiceField
            ):
                allowed = permissions.related_choices(
                    type(value)._default_manager.all(), user, model=model, name=name, action=action
                )
                if not allowed.filter(pk=value.pk).exists():
                    form.add_error(
                        name if name in form.fields else None,
                        _("No such record, or not one you may use."),
                    )
        return data

    form.clean = clean
