"""Reading a table (CSV, XLSX or ODS) into rows of text: one reader for every loader."""

import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext_lazy as _


class TableError(ValueError):
    """A file that cannot be read as a table; `message` is user-facing."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _sniff(data: bytes, name: str) -> str:
    ext = Path(name or "").suffix.lower().lstrip(".")
    if ext in {"csv", "xlsx", "ods"}:
        return ext
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
                if "mimetype" in names and b"spreadsheet" in zf.read("mimetype"):
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
        return str(d.to_integral_value()) if d == d.to_integral_value() else str(d)
    if isinstance(v, bool):
        return "1" if v else "0"
    return str(v).strip()


def read_rows(source, name: str = "") -> list[list[str]]:
    """Every row of the first sheet as text cells: `source` is bytes, a path or a file object."""
    if isinstance(source, str | Path):
        name = name or str(source)
        data = Path(source).read_bytes()
    elif isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        name = name or getattr(source, "name", "") or ""
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
    fmt = _sniff(data, name)
    if fmt == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TableError(_("The CSV file is not UTF-8 text; save it as “CSV UTF-8”.")) from None
        return [[_text(c) for c in row] for row in csv.reader(io.StringIO(text))]
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = wb.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception:  # calamine raises several types for a broken or foreign file
        raise TableError(
            _("The file could not be read as a spreadsheet (XLSX, ODS) or CSV.")
        ) from None
    return [[_text(c) for c in row] for row in rows]


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
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        out.append(
            (number, {h: (row[i] if i < len(row) else "") for i, h in enumerate(header) if h})
        )
    return out
