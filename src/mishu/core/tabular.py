"""Reading a table (CSV, XLSX or ODS) into rows of text: one reader for every loader.

A spreadsheet is checked before it is expanded: a zip's members are measured by their declared
sizes (which bound what can be decompressed) and compression ratios, and the first sheet's XML is
scanned as a stream (constant memory, no entities) for its declared dimension and the real
position of every cell, so that a 2 kB file naming cell XFD1048576 is refused before a reader
allocates its grid. Only then does python-calamine read the sheet, within the row, column and
cell caps of `limits()` (settings `MISHU_IMPORT_MAX_*`).
"""

import codecs
import csv
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from defusedxml.ElementTree import iterparse
from django.conf import settings
from django.utils.translation import gettext as _

from .validators import CONTROL_CHARACTERS


class TableError(ValueError):
    """A file that cannot be read as a table; `message` is user-facing."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Limits:
    """What one import may hold: file size, rows under the header, columns, and cells."""

    bytes: int
    rows: int
    columns: int
    cells: int
    uncompressed: int  # the sum of a spreadsheet's members once decompressed
    ratio: int  # the most a member may be compressed (a bomb compresses thousands of times)

    @property
    def megabytes(self) -> int:
        return self.bytes // (1024 * 1024)


def limits() -> Limits:
    """The import limits in force (settings, with the defaults stated on every import page)."""
    return Limits(
        bytes=settings.MISHU_IMPORT_MAX_BYTES,
        rows=settings.MISHU_IMPORT_MAX_ROWS,
        columns=settings.MISHU_IMPORT_MAX_COLUMNS,
        cells=settings.MISHU_IMPORT_MAX_CELLS,
        uncompressed=settings.MISHU_IMPORT_MAX_UNCOMPRESSED,
        ratio=settings.MISHU_IMPORT_MAX_RATIO,
    )


def _too_many_rows(lim: Limits):
    return TableError(
        _("The file has more than %(rows)s rows; split it into smaller files.")
        % {"rows": f"{lim.rows:,}"}
    )


def _too_many_columns(lim: Limits):
    return TableError(
        _("The file has more than %(cols)s columns; only the template's columns are read.")
        % {"cols": lim.columns}
    )


def _not_a_spreadsheet():
    return TableError(_("The file could not be read as a spreadsheet (XLSX, ODS) or CSV."))


# --- checking a spreadsheet before it is expanded ----------------------------------------------

_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")


def _cell_position(ref: str) -> tuple[int, int] | None:
    """'XFD1048576' → (1048576, 16384); None for what is not a cell reference."""
    m = _REF.match(ref.strip().upper())
    if not m:
        return None
    col = 0
    for ch in m[1]:
        col = col * 26 + ord(ch) - 64
    return int(m[2]), col


def _check_extent(rows: int, cols: int, lim: Limits) -> None:
    # The header is one more row than the data the caps count.
    if rows > lim.rows + 1:
        raise _too_many_rows(lim)
    if cols > lim.columns:
        raise _too_many_columns(lim)
    if rows * cols > lim.cells:
        raise TableError(
            _("The sheet spans more than %(cells)s cells; remove empty or unused areas.")
            % {"cells": f"{lim.cells:,}"}
        )


def _check_members(zf: zipfile.ZipFile, lim: Limits) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        big = info.file_size > 1024 * 1024
        if total > lim.uncompressed or (big and info.file_size > lim.ratio * info.compress_size):
            raise TableError(
                _(
                    "The spreadsheet expands to more than it may (%(mb)s MB of content, or "
                    "compressed more than %(ratio)s times); it is refused unread."
                )
                % {"mb": lim.uncompressed // (1024 * 1024), "ratio": lim.ratio}
            )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first_xlsx_sheet(zf: zipfile.ZipFile) -> str:
    """The member holding the workbook's first sheet (the one an import reads)."""
    names = set(zf.namelist())
    try:
        rid = None
        for _event, el in iterparse(zf.open("xl/workbook.xml")):
            if _local(el.tag) == "sheet":
                rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
                break
        for _event, el in iterparse(zf.open("xl/_rels/workbook.xml.rels")):
            if _local(el.tag) == "Relationship" and el.get("Id") == rid:
                target = el.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                path = posixpath.normpath(path)
                if path in names:
                    return path
    except (KeyError, zipfile.BadZipFile):
        pass
    except Exception:  # a malformed workbook.xml: the reader below says the file is unreadable
        raise _not_a_spreadsheet() from None
    raise _not_a_spreadsheet()


def _scan_xlsx(zf: zipfile.ZipFile, lim: Limits) -> None:
    sheet = _first_xlsx_sheet(zf)
    max_row = max_col = 0
    row = col = 0
    try:
        parent = None
        for event, el in iterparse(zf.open(sheet), events=("start", "end")):
            tag = _local(el.tag)
            if event == "end":
                if tag == "row" and parent is not None:
                    parent.clear()  # rows already scanned are dropped: constant memory
                continue
            if tag == "sheetData":
                parent = el
            elif tag == "dimension":
                for part in (el.get("ref") or "").split(":"):
                    pos = _cell_position(part)
                    if pos:
                        _check_extent(*pos, lim)
            elif tag == "row":
                r = el.get("r")
                row = int(r) if r and r.isdigit() else row + 1
                col = 0
            elif tag == "c":
                pos = _cell_position(el.get("r") or "")
                row, col = (pos[0], pos[1]) if pos else (row, col + 1)
                if row > max_row or col > max_col:
                    max_row, max_col = max(row, max_row), max(col, max_col)
                    _check_extent(max_row, max_col, lim)
    except TableError:
        raise
    except Exception:  # truncated member, bad XML, forbidden DTD/entities
        raise _not_a_spreadsheet() from None


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _repeat(el, name: str) -> int:
    value = el.get(f"{{{_ODS_TABLE}}}{name}") or "1"
    return int(value) if value.isdigit() else 1


def _scan_ods(zf: zipfile.ZipFile, lim: Limits) -> None:
    """Count the first table's rows and columns that hold something; trailing empty repeated
    rows and columns (LibreOffice writes a million of them) are not content."""
    rows = max_col = 0
    try:
        for _event, el in iterparse(zf.open("content.xml"), events=("end",)):
            tag = _local(el.tag)
            if tag == "table-row":
                width = filled = 0
                for cell in el:
                    width += _repeat(cell, "number-columns-repeated")
                    if len(cell) or cell.get(f"{{{_ODS_OFFICE}}}value-type"):
                        filled = width
                repeats = _repeat(el, "number-rows-repeated")
                if filled:
                    rows, max_col = rows + repeats, max(max_col, filled)
                    _check_extent(rows, max_col, lim)
                elif rows:
                    rows += repeats  # an empty row between rows of content still counts…
                el.clear()
            elif tag == "table":
                break  # only the first sheet is read
        # …but not after the last one: compare with what calamine will give.
    except TableError:
        raise
    except Exception:
        raise _not_a_spreadsheet() from None


def _check_spreadsheet(data: bytes, fmt: str, lim: Limits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_members(zf, lim)
            (_scan_ods if fmt == "ods" else _scan_xlsx)(zf, lim)
    except zipfile.BadZipFile:
        raise _not_a_spreadsheet() from None


# --- reading --------------------------------------------------------------------------------


def _sniff(data: bytes, name: str) -> str:
    ext = Path(name or "").suffix.lower().lstrip(".")
    if ext in {"csv", "xlsx", "ods"}:
        return ext
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                info = zf.getinfo("mimetype") if "mimetype" in zf.namelist() else None
                if info and info.file_size < 200 and b"spreadsheet" in zf.read(info):
                    return "ods"
                return "xlsx"
        except zipfile.BadZipFile:
            pass
    return "csv"


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        # Spreadsheets hand numbers over as floats: 1234.0 → "1234", 0.1 → "0.1".
        d = Decimal(str(v))
        if not d.is_finite():
            return str(v)
        return str(d.to_integral_value()) if d == d.to_integral_value() else str(d)
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v).strip()


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    raise TableError(_("The CSV file is not UTF-8 text; save it as “CSV UTF-8”."))


def _read_csv(data: bytes, lim: Limits) -> list[list[str]]:
    rows = []
    try:
        for row in csv.reader(io.StringIO(_decode(data), newline="")):
            if len(rows) > lim.rows:
                raise _too_many_rows(lim)
            if len(row) > lim.columns:
                raise _too_many_columns(lim)
            rows.append([_text(c) for c in row])
    except csv.Error:
        raise TableError(
            _("The CSV file is malformed (a quote left open or a field too long).")
        ) from None
    return rows


def _read(data: bytes, name: str) -> list[list[str]]:
    lim = limits()
    if len(data) > lim.bytes:
        raise TableError(_("The file is larger than %(mb)s MB.") % {"mb": lim.megabytes})
    fmt = _sniff(data, name)
    if fmt == "csv":
        return _read_csv(data, lim)
    _check_spreadsheet(data, fmt, lim)
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception:  # calamine raises several types for a broken or foreign file
        raise _not_a_spreadsheet() from None
    _check_extent(len(rows), max((len(r) for r in rows), default=0), lim)
    return [[_text(c) for c in row] for row in rows]


def read_rows(source, name: str = "") -> list[list[str]]:
    """Every row of the first sheet as text cells: `source` is bytes, a path or a file object.
    TableError (with a user-facing message) for a file that is too large or cannot be read."""
    if isinstance(source, str | Path):
        name = name or str(source)
        data = Path(source).read_bytes()
    elif isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        name = name or getattr(source, "name", "") or ""
        if hasattr(source, "seek"):
            source.seek(0)
        size = getattr(source, "size", None)
        if size is not None and size > limits().bytes:
            raise TableError(_("The file is larger than %(mb)s MB.") % {"mb": limits().megabytes})
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
    return _read(data, name)


def read_dicts(source, name: str = "") -> list[tuple[int, dict]]:
    """The rows under the header as (row number, {column: text}); blank rows skipped.

    Row numbers are the spreadsheet's: the header is row 1. `source` may also already be an
    iterable of dicts, numbered from 2.
    """
    if isinstance(source, list | tuple) or (
        not isinstance(source, str | bytes | bytearray | Path) and not hasattr(source, "read")
    ):
        return [
            (i, {k: _text(v) for k, v in dict(r).items() if k is not None})
            for i, r in enumerate(source, start=2)
        ]
    rows = read_rows(source, name)
    if not rows:
        return []
    header = [h.strip().lstrip("\ufeff").lower() for h in rows[0]]
    _refuse_control_characters(1, dict(zip(header, header, strict=True)))
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = {h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h}
        _refuse_control_characters(number, cells)
        out.append((number, cells))
    return out


def _refuse_control_characters(number: int, cells: dict) -> None:
    for column, text in cells.items():
        if CONTROL_CHARACTERS.search(text):
            raise TableError(
                _(
                    "Row %(row)s, column “%(col)s” holds a control character (such as NUL); "
                    "remove it and upload the file again."
                )
                % {"row": number, "col": CONTROL_CHARACTERS.sub("?", column)}
            )
