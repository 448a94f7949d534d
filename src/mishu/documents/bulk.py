"""The bulk write path of the register: rows straight into the table, bypassing model
instances, with PostgreSQL's COPY where available and a plain multi-row INSERT elsewhere.

Used by the demo, `mishu synth documents` and large imports. Rows skip the audit signals, so
every caller records one `DocumentBatch` per batch (see `synth.write`): that record's creation is
the change-log entry for the batch's documents.
"""

import datetime
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from mishu.core import versions

from .models import Document
from .tally import apply, rows_contributions

# The columns every bulk row gives, in order (the id comes from the database).
COLUMNS = (
    "division_id",
    "created",
    "last_updated",
    "created_by_id",
    "office",
    "year",
    "serial",
    "number",
    "direction",
    "subject",
    "sender_id",
    "registered_on",
    "received_on",
    "speed",
    "classification",
    "declassification",
    "stated_deadline",
    "project_control",
    "medium",
    "handling_mode",
    "handler_id",
    "recipients",
    "dispatched_on",
    "seal_uses",
    "state",
    "deadline",
    "closed_on",
    "days_used",
    "timeliness",
    "batch_id",
)
INDEX = {name: i for i, name in enumerate(COLUMNS)}
DEFAULTS = {
    "classification": "",
    "declassification": "",
    "project_control": False,
    "recipients": "",
    "seal_uses": 0,
    "timeliness": "",
    "subject": "",
}


_TEMPLATE = [DEFAULTS.get(c) for c in COLUMNS]


def new_row(**values) -> list:
    """A row (list in COLUMNS order) from keyword values; unset columns are NULL or defaults.

    Give dates as ISO strings (`iso()`): both COPY and SQLite take them as they are, which keeps
    per-value conversion out of the hot path."""
    row = _TEMPLATE.copy()
    for key, value in values.items():
        row[INDEX[key]] = value
    return row


_ISO: dict = {}


def iso(day):
    """The ISO text of a date (cached: a register has few distinct dates), None for None."""
    if day is None:
        return None
    text = _ISO.get(day)
    if text is None:
        text = _ISO[day] = day.isoformat()
    return text


def _sqlite_value(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def insert(rows: list[list], *, stamp=None, convert=False) -> int:
    """Write the rows; `created`/`last_updated` are filled with `stamp` (now) where unset.
    `convert` turns Python dates and decimals into text for SQLite (not needed with `iso()`)."""
    stamp = (stamp or timezone.now()).isoformat(" ")
    created, updated = INDEX["created"], INDEX["last_updated"]
    for row in rows:
        if row[created] is None:
            row[created] = stamp
        if row[updated] is None:
            row[updated] = stamp
    table = Document._meta.db_table
    cols = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # the raw psycopg cursor: its errors are turned into Django's (IntegrityError, ...)
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)  # formatted by psycopg's C extension
        else:
            marks = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(
                f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                [[_sqlite_value(v) for v in row] for row in rows] if convert else rows,
            )
    # The rows skip the signals that keep the monthly tallies (and the data's version).
    versions.changed()
    apply(rows_contributions(rows, INDEX))
    return len(rows)
