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


def typed_cell(obj, name: str):
    """One column of one record for a spreadsheet: dates, numbers and booleans as they are (the
    XLSX and ODS writers make real date and number cells of them), anything else as its
    displayed text."""
    value = raw_value(obj, name)
    if value is None or isinstance(value, datetime.date | int | float | Decimal | str):
        return value
    return display(value)


# --- sorting a list by a column header ---------------------------------------------------------


def sortable_columns(model, columns, explicit: dict | None = None) -> dict[str, str]:
    """{column: order_by expression} for the columns a list may be sorted by. `explicit` (a
    view's `sort_fields`) wins; otherwise every column that is a concrete, single-valued field
    (a foreign key sorts by its model's own ordering). Nothing else is ever passed to
    `order_by`: the sort key of the address is looked up here, not trusted."""
    if explicit is not None:
        return {c: e for c, e in explicit.items() if c in columns}
    names = {}
    for c in columns:
        try:
            f = model._meta.get_field(c)
        except FieldDoesNotExist:
            continue
        if getattr(f, "concrete", False) and not f.many_to_many:
            names[c] = c
    return names


def parse_sort(text: str | None, sortable: dict) -> tuple[str, bool] | None:
    """(column, descending) from `?sort=deadline` or `?sort=-deadline`; None when the column
    is not one of `sortable` (an unknown key is ignored, never an error)."""
    text = (text or "").strip()
    descending = text.startswith("-")
    key = text[1:] if descending else text
    return (key, descending) if key in sortable else None


def sort_headers(model, columns, sortable: dict, current, query: str) -> list[dict]:
    """The header cells of a list: label, the address that sorts by it (ascending first, then
    the other way) and its `aria-sort` state."""
    base = f"{query}&" if query else ""
    headers = []
    for c in columns:
        h = {"label": column_label(model, c), "url": None, "aria_sort": None}
        if c in sortable:
            active = current is not None and current[0] == c
            desc_next = active and not current[1]
            h["url"] = f"?{base}sort={'-' if desc_next else ''}{c}"
            if active:
                h["aria_sort"] = "descending" if current[1] else "ascending"
        headers.append(h)
    return headers
