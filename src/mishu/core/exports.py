"""Writing tables to CSV, XLSX and ODS: every export in Mishu goes through `export_response`.

Cells may be typed: a `datetime.date`/`datetime` or a number is written to XLSX and ODS as a real
date or number (so a spreadsheet can sort and add them), and to CSV as the clerk reads it (ROC
dates as text, see `tables.display`) when the caller passes text, as the lists do."""

import csv
import datetime
import io
import itertools
import re
import tempfile
from decimal import Decimal
from urllib.parse import quote

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .charts import text_width
from .formats import roc_year

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
    if not value.isprintable():  # every ILLEGAL_XML character is unprintable: skip the scan
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

    from .copyexport import ServerCsv

    writer = csv.writer(Line())
    yield ("\ufeff" + writer.writerow(safe_row(header))).encode("utf-8")
    if isinstance(rows, ServerCsv):  # the rows as PostgreSQL wrote them
        yield from rows.chunks()
        return
    batch = []
    for row in rows:
        batch.append(writer.writerow(safe_row(row)))
        if len(batch) >= 500:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


# Dates in the ROC calendar: the zh-TW built-in format of Excel (ECMA-376 §18.8.30, id 28),
# 「115年12月3日」; a program without the Taiwanese era calendar shows the Gregorian year.
XLSX_DATE = '[$-404]e"年"m"月"d"日"'
XLSX_DATETIME = '[$-404]e"年"m"月"d"日" hh:mm'
WIDTH_SAMPLE = 500  # rows read ahead to fit the column widths (the rest are not held)
MAX_WIDTH = 60


def _local(value):
    """A datetime as the office's wall-clock time without a zone (spreadsheets have none)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def _shown_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 18
    if isinstance(value, datetime.date):
        return 13
    if isinstance(value, int | float | Decimal):
        return len(f"{value:,}") + 1
    return max((text_width(line) for line in str(value).splitlines()), default=0)


def column_widths(header, rows, cap: int = MAX_WIDTH) -> list[int]:
    """Each column's width in characters: its longest header or cell (CJK characters count
    double), plus a margin, at most `cap`."""
    widths = [_shown_width(h) for h in header]
    for row in rows:
        for i, v in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], _shown_width(v))
    return [min(w + 2, cap) for w in widths]


def _xlsx_cell(ws, value):
    from openpyxl.cell import WriteOnlyCell

    value = _local(safe_cell(value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(ws, value=value)
        is_moment = isinstance(value, datetime.datetime)
        cell.number_format = XLSX_DATETIME if is_moment else XLSX_DATE
        return cell
    return value


def _write_xlsx(out, header, rows, sheet) -> int:
    """Write-only openpyxl: rows go to a temporary file as they come, not into a sheet in memory.
    Dates are date cells (ROC format), numbers numeric cells; the header row is bold, frozen
    and carries an autofilter; column widths fit the header and the first rows. Returns the
    number of rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    rows = iter(rows)
    ahead = list(itertools.islice(rows, WIDTH_SAMPLE))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet[:31])
    for i, width in enumerate(column_widths(header, ahead), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    heads = []
    for h in safe_row(header):
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        heads.append(c)
    ws.append(heads)
    count = 0
    for row in itertools.chain(ahead, rows):
        ws.append([_xlsx_cell(ws, v) for v in row])
        count += 1
    if header:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    wb.save(out)
    return count


def write_table(fmt: str, header: list[str], rows, sheet: str = "Sheet1") -> bytes:
    """The table as a file in `fmt` (csv, xlsx or ods), every cell made safe (`safe_cell`)."""
    if fmt == "csv":
        return b"".join(_csv_chunks(header, rows))
    if fmt not in ("xlsx", "ods"):
        raise ValueError(_("Unknown export format: %(fmt)s") % {"fmt": fmt})
    out = io.BytesIO()
    write_file(fmt, out, header, rows, sheet)
    return out.getvalue()


def write_file(fmt: str, out, header, rows, sheet: str = "Sheet1") -> int:
    """Write the table in `fmt` to the binary file `out` as the rows come (nothing but the
    first rows held in memory); returns the number of rows written."""
    if fmt == "xlsx":
        return _write_xlsx(out, header, rows, sheet)
    if fmt == "ods":
        return _write_ods(out, header, rows, sheet)
    from .copyexport import ServerCsv

    if isinstance(rows, ServerCsv):
        for chunk in _csv_chunks(header, rows):
            out.write(chunk)
        return rows.count
    counted = [0]

    def each(rows):
        for row in rows:
            counted[0] += 1
            yield row

    for chunk in _csv_chunks(header, each(rows)):
        out.write(chunk)
    return counted[0]


ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2"'
)
# ROC dates (number:calendar="ROC", which LibreOffice knows): 115年12月3日
ODS_STYLES = (
    '<number:date-style style:name="roc"><number:year number:calendar="ROC"/>'
    "<number:text>年</number:text><number:month/><number:text>月</number:text><number:day/>"
    "<number:text>日</number:text></number:date-style>"
    '<number:date-style style:name="roc-time"><number:year number:calendar="ROC"/>'
    "<number:text>年</number:text><number:month/><number:text>月</number:text><number:day/>"
    '<number:text>日 </number:text><number:hours number:style="long"/><number:text>:</number:text>'
    '<number:minutes number:style="long"/></number:date-style>'
    '<style:style style:name="date" style:family="table-cell" style:data-style-name="roc"/>'
    '<style:style style:name="moment" style:family="table-cell" '
    'style:data-style-name="roc-time"/>'
    '<style:style style:name="head" style:family="table-cell">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
)
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(value, style: str = "") -> str:
    from xml.sax.saxutils import escape as xml_escape

    value = _local(safe_cell(value))
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, bool):
        value = _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return (
            '<table:table-cell table:style-name="moment" office:value-type="date" '
            f'office:date-value="{value.isoformat(timespec="seconds")}"/>'
        )
    if isinstance(value, datetime.date):
        return (
            '<table:table-cell table:style-name="date" office:value-type="date" '
            f'office:date-value="{value.isoformat()}"/>'
        )
    if isinstance(value, int | float | Decimal):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    styled = f' table:style-name="{style}"' if style else ""
    return (
        f'<table:table-cell{styled} office:value-type="string">'
        f"<text:p>{xml_escape(str(value))}</text:p></table:table-cell>"
    )


def _write_ods(out, header, rows, sheet) -> int:
    """An ODS written as it goes: content.xml is streamed into the zip row by row (odfpy would
    hold the whole document in memory). Dates are date cells in ROC format, numbers floats."""
    import zipfile
    from xml.sax.saxutils import quoteattr

    rows = iter(rows)
    ahead = list(itertools.islice(rows, WIDTH_SAMPLE))
    widths = column_widths(header, ahead)
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"), CONTENT_TYPES["ods"], compress_type=zipfile.ZIP_STORED
        )
        zf.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        with zf.open("content.xml", "w", force_zip64=True) as raw:
            w = io.TextIOWrapper(raw, encoding="utf-8")
            columns = "".join(
                f'<style:style style:name="co{i}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{0.21 * n:.2f}cm"/>'
                "</style:style>"
                for i, n in enumerate(widths)
            )
            w.write(
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}>'
                f"<office:automatic-styles>{ODS_STYLES}{columns}</office:automatic-styles>"
                f"<office:body><office:spreadsheet><table:table table:name={quoteattr(sheet)}>"
            )
            w.write(
                "".join(
                    f'<table:table-column table:style-name="co{i}"/>' for i in range(len(widths))
                )
            )
            w.write("<table:table-header-rows><table:table-row>")
            w.write("".join(_ods_cell(h, "head") for h in header))
            w.write("</table:table-row></table:table-header-rows>")
            for row in itertools.chain(ahead, rows):
                w.write("<table:table-row>" + "".join(_ods_cell(v) for v in row))
                w.write("</table:table-row>")
                count += 1
            w.write("</table:table></office:spreadsheet></office:body></office:document-content>")
            w.flush()
            w.detach()
    return count


def _today_label(today=None) -> str:
    """「115年12月03日」, for file names (zero-padded so that they sort)."""
    today = today or timezone.localdate()
    return f"{roc_year(today)}年{today.month:02d}月{today.day:02d}日"


def readable_name(title: str, fmt: str, today=None) -> str:
    """「公文登記簿_115年12月03日.xlsx」: what and when, no character a file system refuses."""
    name = re.sub(
        r"\s*([^\x00-\x7f])\s*", r"\1", f"{title}_{_today_label(today)}"
    )  # 108 年 → 108年
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", name)
    return f"{name}.{fmt}"


def content_disposition(filename: str, fmt: str, title: str = "", today=None) -> str:
    """`attachment` with an ASCII `filename` and, when a `title` is given, the name a person
    reads (`readable_name`) as RFC 5987 `filename*` (browsers prefer it); the ASCII fallback
    then carries the date too (document-20261203.xlsx)."""
    if not title:
        return f'attachment; filename="{filename}.{fmt}"'
    today = today or timezone.localdate()
    ascii_name = f"{filename}-{today:%Y%m%d}.{fmt}"
    readable = quote(readable_name(title, fmt, today))
    return f"attachment; filename*=UTF-8''{readable}; filename=\"{ascii_name}\""


def export_response(fmt: str, filename: str, header, rows, sheet: str = "Sheet1", title: str = ""):
    """An attachment response with the table in `fmt`, named `filename` (ASCII) or, given a
    `title`, by what and when (`content_disposition`). When `rows` is lazy (a queryset's
    `iterator()`, a generator), CSV is streamed as it is read, and XLSX and ODS are written row
    by row to a temporary file that is then streamed, so a large export keeps memory flat."""
    if isinstance(rows, list | tuple):  # a template or a small table: one plain response
        response = HttpResponse(
            write_table(fmt, header, rows, sheet), content_type=CONTENT_TYPES[fmt]
        )
    elif fmt == "csv":
        response = StreamingHttpResponse(_csv_chunks(header, rows), content_type=CONTENT_TYPES[fmt])
    else:
        spool = tempfile.TemporaryFile()
        write_file(fmt, spool, header, rows, sheet)
        spool.seek(0)
        response = FileResponse(spool, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition(filename, fmt, title)
    return response
