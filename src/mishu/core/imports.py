"""The one import path: read a CSV, XLSX or ODS table, validate every row, write all or nothing.

An app describes its import with a function that turns one row (a dict keyed by column name) into
a write, raising `RowInvalid` with a message for a bad row. `run_import` collects every rejected
row; if any, nothing is written. Writes are attributed to the importing user (source "import").
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

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
