"""The one import path: read a CSV, XLSX or ODS table, validate every row, write all or nothing.

An app describes its import with a function that turns one row (a dict keyed by column name) into
a write, raising `RowInvalid` with a message for a bad row. `run_import` collects every rejected
row; if any, nothing is written. Writes are attributed to the importing user (source "import").
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from . import formats
from . import permissions as rights
from .audit import audit_context
from .choices import ChangeSource
from .tabular import TableError, read_dicts

FORMATS = ("csv", "xlsx", "ods")


class RowInvalid(Exception):
    """A row cannot be imported; the message (in the user's language) says why."""

    def __init__(self, message, column: str = ""):
        super().__init__(str(message))
        self.message = str(message)
        self.column = column


@dataclass
class RowError:
    """One rejected row: its number in the file (header is row 1), the column and the reason."""

    row: int
    message: str
    column: str = ""


@dataclass
class ImportResult:
    """What an import did: rows written, or every rejected row (and nothing written)."""

    written: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


FileInvalid = TableError  # the file as a whole cannot be read (type, encoding, no header)


def read_table(upload, name: str = "") -> list[dict]:
    """Rows of the first sheet as dicts keyed by the header's column names, plus `_row` (the
    spreadsheet's row number: the header is row 1)."""
    rows = read_dicts(upload, name)
    if not rows:
        raise FileInvalid(_("The file is empty."))
    return [{"_row": number, **row} for number, row in rows]


def require_columns(rows: list[dict], columns: Iterable[str]) -> None:
    """Raise FileInvalid naming the required columns that the header lacks."""
    present = set(rows[0]) if rows else set()
    missing = [c for c in columns if c not in present]
    if rows and missing:
        raise FileInvalid(_("Missing columns: %(cols)s") % {"cols": ", ".join(missing)})


def run_import(
    rows: list[dict], prepare: Callable[[dict], object], write: Callable[[list], int], *, user=None
) -> ImportResult:
    """Validate every row with `prepare` (row → prepared object, or RowInvalid); if all are valid,
    `write` them in one transaction attributed to `user`; otherwise write nothing."""
    result = ImportResult()
    prepared = []
    checked_refs: dict = {}
    for row in rows:
        try:
            item = prepare(row)
            if user is not None:
                check_references(item, user, checked_refs)
            prepared.append(item)
        except RowInvalid as exc:
            result.errors.append(RowError(row["_row"], exc.message, exc.column))
    if result.errors:
        return result
    with (
        audit_context(
            user=user,
            source=ChangeSource.IMPORT,
            actor_name=user.get_username() if user else "import",
        ),
        transaction.atomic(),
    ):
        result.written = write(prepared)
    return result


def references(model, user, *, action: str = rights.ADD):
    """The records of `model` an imported row of `user` may refer to: the same rule as forms and
    the API (`permissions.related_choices`). Look references up through it, so that a record of
    another division is "unknown", exactly like one that does not exist."""
    return rights.related_choices(model._default_manager.all(), user, action=action)


def check_references(item, user, cache: dict | None = None) -> None:
    """RowInvalid if a prepared record (or a list or tuple of them) belongs to a division `user`
    may not write to, or refers to a record `user` may not point at — the net under every
    importer's own look-ups. `cache` remembers the ids already checked in this file."""
    if isinstance(item, (list, tuple)):
        for part in item:
            check_references(part, user, cache)
        return
    if not isinstance(item, models.Model):
        return
    cache = {} if cache is None else cache
    model = type(item)
    action = rights.CHANGE if item.pk else rights.ADD
    for fk in model._meta.concrete_fields:
        if not (fk.many_to_one or fk.one_to_one):
            continue
        value = getattr(item, fk.attname)
        targets = fk.related_model._default_manager.all()
        if value is None or not (
            hasattr(targets, "restrict") or rights.is_person(fk.related_model)
        ):
            continue
        key = (model, fk.name, action, value)
        if key not in cache:
            allowed = rights.related_choices(
                targets, user, model=model, name=fk.name, action=action
            )
            cache[key] = allowed.filter(pk=value).exists()
        if not cache[key]:
            raise RowInvalid(
                _("%(field)s: no such record, or not one you may use.")
                % {"field": fk.verbose_name},
                fk.name,
            )


# Reading one row's cells: each refusal names the column.


def require(row: dict, columns: Iterable[str]) -> None:
    """RowInvalid for the first of `columns` the row leaves blank."""
    for col in columns:
        if not (row.get(col) or "").strip():
            raise RowInvalid(_("%(col)s is required.") % {"col": col}, col)


def cell_date(row: dict, col: str):
    """The cell as a date (ROC or ISO), None when blank."""
    text = (row.get(col) or "").strip()
    if not text:
        return None
    try:
        return formats.parse_date(text, field=col)
    except formats.FormatError as exc:
        raise RowInvalid(str(exc), col) from exc


# A number as a cell may hold it: ASCII digits after full-width ones are folded, an optional sign
# and decimal point; no exponent, NaN, Infinity or superscript. More integer digits than any
# amount Mishu keeps is refused before it reaches a model or the database.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(r"[+-]?[0-9]+")
MAX_INTEGER_DIGITS = 15


def _number_text(row: dict, col: str) -> str:
    return formats.to_halfwidth(row.get(col) or "").replace(",", "").strip()


def _too_large(text: str, row: dict, col: str) -> None:
    if len(text.lstrip("+-").split(".")[0].lstrip("0")) > MAX_INTEGER_DIGITS:
        raise RowInvalid(_("%(col)s is too large: “%(v)s”.") % {"col": col, "v": row[col]}, col)


def _within(value, row: dict, col: str, field):
    if field is not None:  # the model field's own bounds (max_digits, decimal places, range)
        try:
            field.run_validators(value)
        except ValidationError as exc:
            raise RowInvalid("；".join(exc.messages), col) from exc
    return value


def cell_decimal(row: dict, col: str, *, negative: bool = True, field=None) -> Decimal | None:
    """The cell as a number (thousands separators allowed), None when blank; `negative=False`
    refuses a value below zero; `field` (a model field) adds its own bounds. NaN, Infinity,
    exponents (1e400) and digits such as ² are refused."""
    text = _number_text(row, col)
    if not text:
        return None
    if not _DECIMAL.fullmatch(text):
        raise RowInvalid(
            _("%(col)s must be a number, not “%(v)s”.") % {"col": col, "v": row[col]}, col
        )
    _too_large(text, row, col)
    value = Decimal(text)
    if not negative and value < 0:
        raise RowInvalid(_("%(col)s cannot be negative.") % {"col": col}, col)
    # The field's bounds judge the number, not how it was written (45.20 has 2 places, not 3).
    _within(
        value.quantize(1) if value == value.to_integral_value() else value.normalize(),
        row,
        col,
        field,
    )
    return value


def cell_int(row: dict, col: str, *, blank_ok: bool = False, field=None) -> int | None:
    """The cell as a whole number (thousands separators allowed); None when blank and allowed;
    `field` (a model field) adds its own range."""
    text = _number_text(row, col)
    if not text and blank_ok:
        return None
    if not _INTEGER.fullmatch(text):
        raise RowInvalid(
            _("%(col)s must be a whole number, not “%(v)s”.") % {"col": col, "v": row.get(col)},
            col,
        )
    _too_large(text, row, col)
    return _within(int(text), row, col, field)


def checked(record):
    """`record` after its model's own validation; RowInvalid naming its first bad field."""
    try:
        record.full_clean()
    except ValidationError as exc:
        col, messages = next(iter(exc.message_dict.items()))
        raise RowInvalid("；".join(messages), col) from exc
    return record


YES = {"是", "y", "yes", "true", "1", "v", "✓", "通過"}
NO = {"否", "n", "no", "false", "0", "", "未通過"}


def cell_bool(row: dict, col: str, *, blank: bool = False) -> bool:
    """The cell as yes/no (是/否, 通過/未通過, yes/no, 1/0); `blank` when empty."""
    text = (row.get(col) or "").strip().lower()
    if not text:
        return blank
    if text in YES:
        return True
    if text in NO:
        return False
    raise RowInvalid(_("%(col)s must be 是 or 否, not “%(v)s”.") % {"col": col, "v": text}, col)


def row_division(row: dict, user):
    """The row's `division` (code or name), or the importing user's own when blank; refused
    when the user may not add records to it."""
    from . import permissions as rights
    from .models import Division

    name = (row.get("division") or "").strip()
    if name:
        division = (
            Division.objects.filter(code=name).first()
            or Division.objects.filter(short_name=name).first()
            or Division.objects.filter(name=name).first()
        )
        if division is None:
            raise RowInvalid(_("Unknown division “%(v)s”.") % {"v": name}, "division")
    else:
        division = getattr(user, "division", None)
        if division is None:
            raise RowInvalid(_("%(col)s is required.") % {"col": "division"}, "division")
    if not rights.can_add_to(user, division.pk):
        raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
    return division


def find_agency(text: str, column: str = "agency", *, english: bool = False):
    """The agency a cell names (short name, full name or code; its English name too when
    ``english``), or RowInvalid naming the cell."""
    from django.db.models import Q

    from .models import Agency

    text = (text or "").strip()
    match = Q(short_name=text) | Q(name=text) | Q(code=text)
    if english:
        match |= Q(name_en=text)
    agency = Agency.objects.filter(match).first() if text else None
    if agency is None:
        raise RowInvalid(_("Unknown agency “%(v)s”.") % {"v": text}, column)
    return agency
