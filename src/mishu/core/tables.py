"""Rendering record values for people: list columns, detail rows and exports share these."""

import datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist

from . import formats


def column_label(model, name: str) -> str:
    """The verbose name of a field (or a `name` attribute's `short_description`)."""
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        attr = getattr(model, name, None)
        return str(getattr(attr, "short_description", name))


def raw_value(obj, name: str):
    """The value of a field or attribute, choices resolved to their labels."""
    try:
        field = type(obj)._meta.get_field(name)
    except FieldDoesNotExist:
        value = getattr(obj, name)
        return value() if callable(value) else value
    if field.choices:
        return getattr(obj, f"get_{name}_display")()
    if field.many_to_many:
        return "、".join(str(v) for v in getattr(obj, name).all())
    return getattr(obj, name)


def display(value) -> str:
    """A value as a clerk reads it: ROC dates, separators in numbers, 是/否 for booleans."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return formats.format_datetime(value)
    if isinstance(value, datetime.date):
        return formats.format_date(value)
    if isinstance(value, bool):
        from django.utils.translation import gettext as _

        return _("Yes") if value else _("No")
    if isinstance(value, int | Decimal | float):
        return (
            formats.format_decimal(value, None)
            if not isinstance(value, int)
            else formats.format_int(value)
        )
    return str(value)


def cell(obj, name: str) -> str:
    """The displayed text of one column of one record."""
    return display(raw_value(obj, name))
