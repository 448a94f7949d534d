"""Writing tables to CSV, XLSX and ODS: every export in Mishu goes through `export_response`."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
FORMATS = tuple(CONTENT_TYPES)


def write_table(fmt: str, header: list[str], rows, sheet: str = "Sheet1") -> bytes:
    """The table as a file in `fmt` (csv, xlsx or ods)."""
    rows = [list(r) for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        buf.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
        writer = csv.writer(buf)
        writer.writerow(header)
        writer.writerows(rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = sheet[:31]
        ws.append(header)
        for row in rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    if fmt == "ods":
        return _write_ods(header, rows, sheet)
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


def export_response(fmt: str, filename: str, header, rows, sheet: str = "Sheet1") -> HttpResponse:
    """An attachment response with the table in `fmt`."""
    response = HttpResponse(write_table(fmt, header, rows, sheet), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
