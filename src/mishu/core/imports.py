"""The one import path: read a CSV, XLSX or ODS table, validate every row, write all or nothing.

An app describes its import with a function that turns one row (a dict keyed by column name) into
a write, raising `RowInvalid` with a message for a bad row. `run_import` collects every rejected
row; if any, nothing is written. Writes are attributed to the importing user (source "import").
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .audit import audit_context
from .choices import ChangeSource

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


class FileInvalid(Exception):
    """The file as a whole cannot be read (wrong type, no header, missing columns)."""


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(upload, name: str = "") -> list[dict]:
    """Rows of the first sheet as dicts keyed by the header row's column names."""
    name = (name or getattr(upload, "name", "") or "").lower()
    data = upload.read() if hasattr(upload, "read") else upload
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    if ext == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileInvalid(_("The CSV file must be encoded in UTF-8.")) from exc
        raw = list(csv.reader(io.StringIO(text)))
    elif ext in ("xlsx", "ods", "xls"):
        from python_calamine import CalamineWorkbook

        try:
            wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
            raw = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises its own error types for broken files
            raise FileInvalid(_("The file could not be read as a spreadsheet.")) from exc
    else:
        raise FileInvalid(_("Unsupported file type: use CSV, XLSX or ODS."))
    raw = [[_cell_text(c) for c in row] for row in raw]
    while raw and not any(raw[-1]):
        raw.pop()
    if not raw:
        raise FileInvalid(_("The file is empty."))
    header = [h.strip() for h in raw[0]]
    return [
        {"_row": number, **{h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h}}
        for number, row in enumerate(raw[1:], start=2)
        if any(row)
    ]


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
    for row in rows:
        try:
            prepared.append(prepare(row))
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
