"""Forms shared across Mishu."""

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db.models import Model
from django.utils.text import capfirst
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


class RocDateInput(forms.TextInput):
    """A text box for an ROC date (`115/12/08`). Without JavaScript it is a plain text input with
    the hint under it; static/mishu/forms.js adds a calendar button (class `roc-date`) that
    writes the picked day in the same compact form."""

    def __init__(self, attrs=None):
        base = {
            "class": "roc-date",
            "inputmode": "numeric",
            "autocomplete": "off",
            "size": 12,
            # the picker's words, translated here since the script has no catalogue
            "data-calendar-label": _("Choose a date"),
            "data-prev-label": _("Previous month"),
            "data-next-label": _("Next month"),
            "data-close-label": _("Close"),
            "data-weekdays": _("Sun,Mon,Tue,Wed,Thu,Fri,Sat"),
        }
        super().__init__({**base, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return formats.format_date_short(value)
        return super().format_value(value)


class RocDateField(forms.DateField):
    """A date typed the way a clerk writes it: `115/12/08`, `115 年 12 月 8 日`, `1151208` or ISO;
    shown for editing as `115/12/08`."""

    widget = RocDateInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("e.g. 115/12/08"))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return formats.format_date_short(value)
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


def _field_label(name, form=None, model=None) -> str:
    """The label a user reads for field `name`: the form's, else the model's verbose name;
    empty for an error about the whole record (`__all__`) or a name neither knows."""
    if form is not None and name in getattr(form, "fields", {}):
        field = form.fields[name]
        return str(field.label or capfirst(name.replace("_", " ")))
    meta = getattr(form, "_meta", None) or getattr(form, "Meta", None)
    models = list(model) if isinstance(model, list | tuple) else [model]
    for candidate in (*models, getattr(meta, "model", None)):
        if candidate is None or not name:
            continue
        try:
            return str(candidate._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            continue
    return ""


def labelled_errors(errors, form=None, model=None) -> list[str]:
    """Every message of `errors` (a form's `errors`, or a ValidationError) as a sentence for
    `messages.error`: 「新期限：新期限必須晚於原期限。」 — prefixed with the field's label (from
    `form`, else `model`: one model or a list of them), never with its code; an error of the
    whole record stands alone."""
    if isinstance(errors, ValidationError):
        items = (
            errors.message_dict.items()
            if hasattr(errors, "error_dict")
            else [("", errors.messages)]
        )
    else:
        items = errors.items()
    out = []
    for name, texts in items:
        label = "" if name in ("", None, NON_FIELD_ERRORS) else _field_label(name, form, model)
        out.extend(f"{label}：{text}" if label else str(text) for text in texts)
    return out


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
