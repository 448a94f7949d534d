"""CSV exports written by PostgreSQL (issue 17): `COPY (SELECT <each cell as text>) TO STDOUT`.

A list's CSV is the text a clerk reads (`tables.display`: labels, ROC dates, separators,
related records' names) made safe by `exports.safe_cell`. Built in Python that is ~30 µs a row;
here the server formats every cell, in the very SELECT the list sends (its rights, filter and
order), and Python only passes the rows on. Each cell's SQL gives exactly the text the Python
path writes (`core/tests/test_copyexport.py` holds the bytes equal); a column that cannot be
said in SQL (an attribute, a JSON field, a large related table…) leaves the whole export to
the Python path (`tables.export_rows`), as does SQLite."""

import json
import re

import psycopg
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import Expression, F
from django.utils import timezone
from django.utils.translation import gettext as _

from . import tables
from .exports import FORMULA_START, ILLEGAL_XML, PLAIN_NUMBER, safe_cell

# A foreign key's text comes from a {key: text} map computed in Python (str() of each record):
# only for reference tables (units, users, agencies…), never for a table of records.
RELATED_ROWS_MAX = 20_000
BATCH_ROWS = 2000  # rows passed on at a time

# exports.safe_cell in PostgreSQL's regular expressions (text there never holds NUL)
CONTROL = ILLEGAL_XML.pattern.replace(r"\x00", r"\x01")
NOT_FORMULA = f"^(?:{PLAIN_NUMBER.pattern})$"
PARAM = re.compile(r"\{(\w+)\}")


class _Cell(Expression):
    """One cell's text: `template` is SQL with {c} where the column goes and {name} for each
    bound parameter `values[name]` (a name may be used several times)."""

    def __init__(self, column, template: str, values: dict):
        super().__init__(output_field=models.TextField())
        self.column, self.template, self.values = F(column), template, values

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.column)
        if column_params:  # a plain column never has any
            raise ValueError("a cell's column must be a plain column")
        params = []

        def place(match):
            if match[1] == "c":
                return column
            params.append(self.values[match[1]])
            return "%s"

        return PARAM.sub(place, self.template), params


def _guard(x: str) -> str:
    """exports.safe_cell's formula guard of the text `x` (SQL)."""
    starts = ", ".join(f"{{start{i}}}" for i in range(len(FORMULA_START)))
    quoted = "''''"  # SQL for one apostrophe
    return (
        f"CASE WHEN left({x}, 1) IN ({starts}) AND {x} !~ {{plain}}"
        f" THEN {quoted} || {x} ELSE {x} END"
    )


# safe_cell of a text column: control characters → U+FFFD, then the formula guard; '' as NULL
# (COPY quotes an empty string; Python's csv writes nothing, as for None)
TEXT = (
    "NULLIF(CASE WHEN {c} ~ {control} THEN "
    + _guard("regexp_replace({c}, {control}, {replacement}, 'g')")
    + " ELSE "
    + _guard("{c}")
    + " END, '')"
)
TEXT_VALUES = {
    "control": CONTROL,
    "replacement": "\ufffd",
    "plain": NOT_FORMULA,
    **{f"start{i}": s for i, s in enumerate(FORMULA_START)},
}
INT_PATTERN = "FM9,999,999,999,999,999,990"  # to_char: Python's f"{n:,}" for any bigint


def _roc(moment: str) -> str:
    """format_date / format_datetime of `moment` (SQL): the ROC year (民國前 n before 1912),
    then to_char with {rest}."""
    return (
        f"CASE WHEN {moment} >= '1912-01-01' THEN (date_part('year', {moment})::int - 1911)::text"
        f" ELSE {{before}} || (1912 - date_part('year', {moment})::int)::text END"
        f" || to_char({moment}, {{rest}})"
    )


DATE_VALUES = {"before": "民國前 ", "rest": '" 年 "FMMM" 月 "FMDD" 日"'}
MOMENT_VALUES = {"before": "民國前 ", "rest": '" 年 "FMMM" 月 "FMDD" 日 "HH24:MI'}


def _number_pattern(digits: int, places: int) -> str:
    """to_char's pattern for `digits` integer digits with thousands separators (Python's ",")."""
    slots = "9" * (max(digits, 1) - 1) + "0"
    groups = [slots[max(i - 3, 0) : i] for i in range(len(slots), 0, -3)]
    return "FM" + ",".join(reversed(groups)) + ("." + "0" * places if places else "")


def _plain_sql(field) -> tuple[str, dict] | None:
    """(template, values) of a stored value as `tables.display` writes it, or None."""
    if hasattr(field, "from_db_value"):  # a value Python converts: not what the column holds
        return None
    if isinstance(field, models.BooleanField):
        yes, no = safe_cell(_("Yes")), safe_cell(_("No"))
        return "CASE WHEN {c} THEN {yes} WHEN NOT {c} THEN {no} END", {"yes": yes, "no": no}
    if isinstance(field, models.DateTimeField):
        # the office's wall clock, as timezone.localtime gives it
        zone = timezone.get_current_timezone_name()
        return _roc("({c} AT TIME ZONE {zone})"), {**MOMENT_VALUES, "zone": zone}
    if isinstance(field, models.DateField):
        return _roc("{c}"), DATE_VALUES
    if isinstance(field, models.DecimalField):
        pattern = _number_pattern(field.max_digits - field.decimal_places, field.decimal_places)
        return "to_char({c}, {pattern})", {"pattern": pattern}
    if isinstance(field, models.IntegerField):
        return "to_char({c}, {pattern})", {"pattern": INT_PATTERN}
    if isinstance(field, models.CharField | models.TextField):
        return TEXT, TEXT_VALUES
    return None


def _choice_sql(field) -> tuple[str, dict] | None:
    """A coded field: its labels in the active language (made safe here, once), any other
    value as the field shows it (`tables.value_formatter`)."""
    labels = {code: str(label) for code, label in field.flatchoices}
    kinds = {type(code) for code in labels}
    other = _plain_sql(field)
    if other is None or not (kinds <= {str} or kinds <= {int}):
        return None  # a None, bool or mixed code: not worth a CASE that could differ
    template, values = other
    values = dict(values)
    whens = []
    for i, (code, label) in enumerate(labels.items()):
        whens.append(f"WHEN {{code{i}}} THEN {{label{i}}}")
        values[f"code{i}"], values[f"label{i}"] = code, safe_cell(label) or None
    return f"CASE {{c}} {' '.join(whens)} ELSE {template} END", values


def _related_sql(field) -> tuple[str, dict] | None:
    """A foreign key: its record's text (`tables.display`, i.e. str()) from a {key: text} map
    of the whole related table, when that is a small reference table."""
    target = field.target_field
    if not isinstance(target, models.IntegerField | models.CharField):
        return None
    manager = field.related_model._base_manager
    if manager.count() > RELATED_ROWS_MAX:
        return None
    texts = {}
    for obj in manager.iterator(chunk_size=BATCH_ROWS):
        text = safe_cell(tables.display(obj))
        if text:
            texts[str(getattr(obj, target.attname))] = text
    mapping = json.dumps(texts, ensure_ascii=False)
    return "({texts}::jsonb ->> {c}::text)", {"texts": mapping}


def cell_sql(field) -> tuple[str, dict] | None:
    """(template, values) of one column of a CSV export, or None when it has no SQL."""
    if field.is_relation:
        return _related_sql(field) if field.many_to_one or field.one_to_one else None
    if field.choices:
        return _choice_sql(field)
    return _plain_sql(field)


class ServerCsv:
    """The rows of a CSV export as PostgreSQL writes them (`exports._csv_chunks` writes the
    header and passes these on). `count` is the number of rows once read. While they are read
    the connection is busy with the COPY: whoever reads them must not query it meanwhile."""

    def __init__(self, using: str, sql: str, params: list):
        self.using, self.sql, self.params = using, sql, params
        self.count = 0

    def chunks(self):
        """The rows' bytes, BATCH_ROWS rows at a time, each row ending in CRLF as Python's csv
        writes it (COPY ends a row with LF; a line break inside a quoted cell stays as it is)."""
        connection = connections[self.using]
        connection.ensure_connection()
        statement = f"COPY ({self.sql}) TO STDOUT WITH (FORMAT csv)"
        with connection.wrap_database_errors:
            # client-side binding: COPY takes no server-side parameters
            with psycopg.ClientCursor(connection.connection) as cursor:
                with cursor.copy(statement, self.params) as copy:
                    batch = []
                    for row in copy:  # libpq hands over one whole row at a time
                        batch.append(row[:-1])
                        if len(batch) >= BATCH_ROWS:
                            yield self._flush(batch)
                            batch = []
                    if batch:
                        yield self._flush(batch)

    def _flush(self, batch) -> bytes:
        self.count += len(batch)
        return b"\r\n".join(batch) + b"\r\n"


def server_csv(qs, columns) -> ServerCsv | None:
    """The CSV rows of `columns` of `qs` written by PostgreSQL, or None when the Python path
    must write them: not PostgreSQL, switched off (MISHU_EXPORT_COPY), a single column (Python's
    csv quotes a lone empty cell), or a column with no SQL (see `cell_sql`)."""
    connection = connections[qs.db]
    if connection.vendor != "postgresql" or not settings.MISHU_EXPORT_COPY or len(columns) < 2:
        return None
    fields = tables._plain_columns(qs.model, columns)
    if fields is None or qs.query.distinct:
        return None
    cells = []
    for field in fields:
        sql = cell_sql(field)
        if sql is None:
            return None
        cells.append(_Cell(field.attname, *sql))
    try:
        sql, params = qs.values_list(*cells).query.get_compiler(qs.db).as_sql()
    except EmptyResultSet:
        return None
    return ServerCsv(qs.db, sql, list(params))
