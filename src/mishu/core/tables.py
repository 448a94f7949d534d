"""Rendering record values for people: list columns, detail rows and exports share these."""

import datetime
import itertools
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from . import formats


def _field(model, name):
    """The model's field `name`, or None for an attribute that is not a field."""
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def column_label(model, name: str) -> str:
    """The verbose name of a field (or a `name` attribute's `short_description`)."""
    field = _field(model, name)
    if field is not None:
        return str(field.verbose_name)
    attr = getattr(model, name, None)
    return str(getattr(attr, "short_description", name))


def raw_value(obj, name: str):
    """The value of a field or attribute, choices resolved to their labels."""
    field = _field(type(obj), name)
    if field is None:
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
    return typed(raw_value(obj, name))


def typed(value):
    """`typed_cell` of a value already resolved (a choice's label, a related record)."""
    if value is None or isinstance(value, datetime.date | int | float | Decimal | str):
        return value
    return display(value)


# --- one function per column: what a page of rows or an export runs per cell -----------------
#
# `cell` finds the field, and a coded field's label through `Model._get_FIELD_display` (which
# hashes the choices and translates the label again) for every cell: 58% of an export's time.
# A column's formatter is built once per page or export, in the active language: a coded field
# reads a {value: label} dict, a date column remembers the dates it has written.


def value_formatter(field, is_typed: bool = False):
    """value → cell (`display`, or `typed` for a spreadsheet) for the stored values of `field`
    (a choice's code, a date…), exactly as `cell` / `typed_cell` would show them."""
    show = typed if is_typed else display
    if field.choices:
        labels = {code: str(label) for code, label in field.flatchoices}

        def choice(value):
            try:
                return labels[value] if value in labels else show(value)
            except TypeError:  # an unhashable value is not a code
                return show(value)

        return choice
    if (
        not is_typed
        and isinstance(field, models.DateField)
        and not isinstance(field, models.DateTimeField)
    ):
        written = {}

        def date(value):
            if value is None:
                return ""
            if value not in written:
                written[value] = display(value)
            return written[value]

        return date
    return show


def column_formatters(model, columns, is_typed: bool = False) -> list:
    """[record → cell] for each column of `model`: `cell(obj, c)` (or `typed_cell`) with the
    work of finding the field and its labels done once."""
    out = []
    for name in columns:
        field = _field(model, name)
        if field is None or field.many_to_many or field.is_relation:
            out.append(
                (lambda obj, n=name: typed_cell(obj, n))
                if is_typed
                else (lambda obj, n=name: cell(obj, n))
            )
        else:
            fmt, attname = value_formatter(field, is_typed), field.attname
            out.append(lambda obj, fmt=fmt, a=attname: fmt(getattr(obj, a)))
    return out


def _plain_columns(model, columns):
    """The fields of `columns` when each is a stored, single-valued field (a value list can
    read them), else None."""
    fields = [_field(model, name) for name in columns]
    if any(f is None or f.many_to_many or not f.concrete for f in fields):
        return None
    return fields


def export_rows(qs, columns, is_typed: bool = False, chunk: int = 2000):
    """The rows of `qs` as cells of `columns` (`cell`, or `typed_cell` for a spreadsheet),
    lazily, `chunk` rows at a time (the formatters are built now, in the request's language).
    When every column is a stored field the rows are read as value lists — no model instances
    — and a related record's text (its `str`) is read once per record, a chunk's new ones in
    one query; otherwise the records themselves are read."""
    fields = _plain_columns(qs.model, columns)
    if fields is None:
        formatters = column_formatters(qs.model, columns, is_typed)
        return ([f(obj) for f in formatters] for obj in qs.iterator(chunk_size=chunk))
    show = typed if is_typed else display
    formatters = [None if f.is_relation else value_formatter(f, is_typed) for f in fields]
    values = qs.values_list(*(f.attname for f in fields)).iterator(chunk_size=chunk)
    return _value_rows(values, fields, formatters, show, chunk)


def _value_rows(values, fields, formatters, show, chunk):
    related = {i: {None: show(None)} for i, f in enumerate(fields) if f.is_relation}
    while rows := list(itertools.islice(values, chunk)):
        for i, known in related.items():
            _read_related(fields[i], known, {r[i] for r in rows} - known.keys(), show)
        for row in rows:
            yield [
                related[i][v] if fmt is None else fmt(v)
                for i, (fmt, v) in enumerate(zip(formatters, row, strict=True))
            ]


def _read_related(field, known: dict, keys: set, show) -> None:
    """Add to `known` {key: shown text} the records of the foreign key `field` with these
    keys (a key with no record, which a constraint forbids, shows as empty)."""
    if not keys:
        return
    target = field.target_field.attname
    for obj in field.related_model._base_manager.filter(**{f"{target}__in": keys}):
        known[getattr(obj, target)] = show(obj)
    for key in keys - known.keys():
        known[key] = show(None)


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
