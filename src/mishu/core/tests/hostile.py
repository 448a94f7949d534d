"""A corpus of hostile tables, generated (no binary fixtures): bombs, sparse sheets, foreign
encodings, control characters, formulas, special numbers, impossible dates and broken files.

`corpus(header, example)` builds every case from an import's own template header and example row,
so each file is otherwise shaped like a real upload of that import.
"""

import io
import re
import zipfile

from mishu.core.exports import write_table

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def xlsx(rows) -> bytes:
    return write_table("xlsx", list(rows[0]), [list(r) for r in rows[1:]])


def ods(rows) -> bytes:
    return write_table("ods", list(rows[0]), [list(r) for r in rows[1:]])


def csv_text(rows, encoding="utf-8", errors="strict") -> bytes:
    lines = [",".join(f'"{c}"' if "," in str(c) else str(c) for c in r) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding, errors)


def rewrite(data: bytes, member: str, change) -> bytes:
    """The zip `data` with `member`'s bytes passed through `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info)
            zout.writestr(info, change(body) if info.filename == member else body)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def sparse_xlsx(header) -> bytes:
    """Only A1 and XFD1048576: 1.6 kB that a grid reader expands to 17 billion cells."""
    base = xlsx([header])
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return rewrite(
        base,
        SHEET,
        lambda b: b.replace(b"</sheetData>", far.encode() + b"</sheetData>").replace(
            b'<dimension ref="A1', b'<dimension ref="A1:XFD1048576" x="'
        ),
    )


def declared_xlsx(header) -> bytes:
    """Few cells, but a declared dimension of the whole sheet."""

    def declare(body: bytes) -> bytes:
        body = re.sub(rb"<dimension [^>]*/>", b"", body)
        return body.replace(b"<sheetData", b'<dimension ref="A1:XFD1048576"/><sheetData', 1)

    return rewrite(xlsx([header]), SHEET, declare)


def bomb_xlsx(header) -> bytes:
    """A sheet member of 20 MB of blanks deflated a thousand times."""
    base = xlsx([header])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename == SHEET:
                    with zout.open(SHEET, "w", force_zip64=True) as f:
                        f.write(b'<?xml version="1.0"?><worksheet xmlns="' + NS.encode() + b'">')
                        chunk = b" " * (1024 * 1024)
                        for _i in range(20):
                            f.write(chunk)
                        f.write(b"<sheetData/></worksheet>")
                else:
                    zout.writestr(info, zin.read(info))
    return out.getvalue()


def ods_repeated(header, rows: int, cols: int) -> bytes:
    """One filled row (or column) repeated far past any cap: an ODS bomb."""
    cell = (
        f'<table:table-cell table:number-columns-repeated="{cols}" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell>'
    )
    row = f'<table:table-row table:number-rows-repeated="{rows}">{cell}</table:table-row>'
    return rewrite(
        ods([header]),
        "content.xml",
        lambda b: b.replace(b"</table:table>", row.encode() + b"</table:table>"),
    )


def entity_xlsx(header) -> bytes:
    """The sheet XML declares entities (billion laughs)."""
    dtd = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    return rewrite(
        xlsx([header]),
        SHEET,
        lambda b: (
            dtd
            + b[b.index(b"<worksheet") :].replace(
                b"</sheetData>",
                b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData>',
            )
        ),
    )


def formula_xlsx(header, example) -> bytes:
    """Every cell a formula without a cached value."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    ws.append(['=HYPERLINK("http://evil.example","x")' for _c in example])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def every_cell(header, value) -> list[list]:
    return [list(header), [value] * len(header)]


def corpus(header, example, *, rows_cap: int, cols_cap: int) -> dict[str, tuple[str, bytes]]:
    """name → (file name, bytes): every case refused by a correct import, whatever its columns."""
    header, example = list(header), [str(c) for c in example]
    many = [header] + [example] * (rows_cap + 5)
    wide = [header + [f"x{i}" for i in range(cols_cap + 5)], example + ["1"] * (cols_cap + 5)]
    special = {
        "nan": "NaN",
        "infinity": "Infinity",
        "negative_infinity": "-inf",
        "overflow_1e400": "1e400",
        "integer_32_digits": "9" * 32,
        "superscript_two": "²",
        "impossible_date": "108/2/30",
        "date_year_0": "0000-01-01",
        "date_far_future": "9999-99-99",
        "nul": "a\x00b",
        "control_character": "a\x01b",
        "escape_sequence": "\x1b[31mred",
        "formula_text": "=cmd|' /C calc'!A0",
        "huge_text": "字" * 100_000,
    }
    cases = {
        "sparse_a1_xfd1048576": ("hostile.xlsx", sparse_xlsx(header)),
        "declared_dimension_whole_sheet": ("hostile.xlsx", declared_xlsx(header)),
        "zip_bomb": ("hostile.xlsx", bomb_xlsx(header)),
        "too_many_rows_xlsx": ("hostile.xlsx", xlsx(many)),
        "too_many_rows_csv": ("hostile.csv", csv_text(many)),
        "too_many_columns": ("hostile.xlsx", xlsx(wide)),
        "ods_repeated_rows": ("hostile.ods", ods_repeated(header, 1_048_000, 3)),
        "ods_repeated_columns": ("hostile.ods", ods_repeated(header, 2, 16_000)),
        "xml_entities": ("hostile.xlsx", entity_xlsx(header)),
        "formulas": ("hostile.xlsx", formula_xlsx(header, example)),
        "truncated_zip": ("hostile.xlsx", xlsx([header, example])[:700]),
        "html_renamed_xlsx": ("hostile.xlsx", b"<html><body><table><tr><td>1</td></tr></table>"),
        "empty_file": ("hostile.xlsx", b""),
        "empty_csv": ("hostile.csv", b""),
        "header_only": ("hostile.csv", csv_text([header])),
        "big5": ("hostile.csv", csv_text(every_cell(header, "臺北"), "big5")),
        "utf16_without_bom": ("hostile.csv", csv_text([header, example], "utf-16-le")),
        "cp1252": ("hostile.csv", csv_text(every_cell(header, "café"), "cp1252", "replace")),
        "utf16_bom_wrong_types": ("hostile.csv", csv_text(every_cell(header, "NaN"), "utf-16")),
        "bom_only": ("hostile.csv", b"\xef\xbb\xbf"),
        "binary_noise": ("hostile.csv", bytes(range(256)) * 8),
        "unclosed_quote": ("hostile.csv", csv_text([header]) + b'"' + b"x" * 200_000),
        "wrong_header": ("hostile.csv", csv_text([["foo", "bar"], ["1", "2"]])),
    }
    for name, value in special.items():
        cases[f"{name}_csv"] = ("hostile.csv", csv_text(every_cell(header, value)))
    for name in ("nan", "overflow_1e400", "integer_32_digits", "impossible_date"):
        cases[f"{name}_ods"] = ("hostile.ods", ods(every_cell(header, special[name])))
    cases["wrong_types_xlsx"] = ("hostile.xlsx", xlsx(every_cell(header, 3.5)))
    return cases
