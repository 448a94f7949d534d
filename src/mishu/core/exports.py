"""Writing tables to CSV, XLSX and ODS: every export in Mishu goes through `export_response`."""

import csv
import io
import re
import tempfile

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
FORMATS = tuple(CONTENT_TYPES)

# A cell a spreadsheet would read as a formula (OWASP, "CSV injection"), and characters XML 1.0
# cannot hold (one of them in a title would make the XLSX or ODS export fail for everyone).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?")  # "-5", "+1,234.5": not a formula
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def safe_cell(value):
    """`value` as an export may write it: text starting like a formula (other than a plain signed
    number) is prefixed with an apostrophe, so that it stays text; control characters are
    replaced by U+FFFD. Numbers, dates and None are left as they are."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_XML.sub("\ufffd", value)
    if value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(v) for v in values]


def _csv_chunks(header, rows):
    """The CSV a few rows at a time (an Excel-friendly BOM first)."""

    class Line:
        def write(self, text):
            return text

    writer = csv.writer(Line())
    yield ("\ufeff" + writer.writerow(safe_row(header))).encode("utf-8")
    batch = []
    for row in rows:
        batch.append(writer.writerow(safe_row(row)))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def _write_xlsx(out, header, rows, sheet) -> None:
    """Write-only openpyxl: rows go to a temporary file as they come, not into a sheet in memory."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet[:31])
    ws.append(safe_row(header))
    for row in rows:
        ws.append(safe_row(row))
    wb.save(out)


def write_table(fmt: str, header: list[str], rows, sheet: str = "Sheet1") -> bytes:
    """The table as a file in `fmt` (csv, xlsx or ods), every cell made safe (`safe_cell`)."""
    if fmt == "csv":
        return b"".join(_csv_chunks(header, rows))
    if fmt == "xlsx":
        out = io.BytesIO()
        _write_xlsx(out, header, rows, sheet)
        return out.getvalue()
    if fmt == "ods":
        return _write_ods(safe_row(header), [safe_row(r) for r in rows], sheet)
    raise ValueError(_("Unknown export format: %(fmt)s") % {"fmt": fmt})


def _write_ods(header, rows, sheet):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for values in [header, *rows]:
        tr = TableRow()
        for value in values:
            if isinstance(value, int | float) and not isinstance(value, bool):
                tc = TableCell(valuetype="float", value=value)
            else:
                tc = TableCell(valuetype="string")
            tc.addElement(P(text="" if value is None else str(value)))
            tr.addElement(tc)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def export_response(fmt: str, filename: str, header, rows, sheet: str = "Sheet1"):
    """An attachment response with the table in `fmt`. When `rows` is lazy (a queryset's
    `iterator()`, a generator), CSV is streamed as it is read and XLSX is written row by row to
    a temporary file that is then streamed, so a large export keeps memory flat. (ODS is built
    in memory by odfpy.)"""
    disposition = f'attachment; filename="{filename}.{fmt}"'
    if isinstance(rows, list | tuple):  # a template or a small table: one plain response
        response = HttpResponse(
            write_table(fmt, header, rows, sheet), content_type=CONTENT_TYPES[fmt]
        )
    elif fmt == "csv":
        response = StreamingHttpResponse(_csv_chunks(header, rows), content_type=CONTENT_TYPES[fmt])
    elif fmt == "xlsx":
        spool = tempfile.TemporaryFile()
        _write_xlsx(spool, header, rows, sheet)
        spool.seek(0)
        response = FileResponse(spool, content_type=CONTENT_TYPES[fmt])
    else:
        response = HttpResponse(
            write_table(fmt, header, rows, sheet), content_type=CONTENT_TYPES[fmt]
        )
    response["Content-Disposition"] = disposition
    return response
