"""Breakdowns written as Markdown pipe tables with row and column totals."""

from decimal import Decimal

from django.utils import translation

from mishu.core import formats
from mishu.indicators.choices import dimension_label

TOTAL = "合計"


def member_label(dimension: str, member) -> str:
    """How a dimension member is shown: months as ``108 年 7 月``, others as they are."""
    if member is None:
        return ""
    if dimension in ("month", "quarter"):
        try:
            return formats.Period.parse(str(member)).label
        except formats.FormatError:
            pass
    return str(member)


def escape_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _cell(cells: dict, row, col):
    for key in ((row, col), row if col is None else None, (row,) if col is None else None):
        if key is not None and key in cells:
            return cells[key]
    return None


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def grid(breakdown, transpose: bool = False):
    """(row dimension, col dimension, rows, cols, values[r][c]) of a breakdown."""
    dims = list(getattr(breakdown, "dimensions", ()) or ())
    rows = list(breakdown.rows)
    cols = list(getattr(breakdown, "cols", None) or [None])
    values = [[_cell(breakdown.cells, r, c) for c in cols] for r in rows]
    row_dim = dims[0] if dims else ""
    col_dim = dims[1] if len(dims) > 1 else ""
    if transpose and cols != [None]:
        rows, cols = cols, rows
        row_dim, col_dim = col_dim, row_dim
        values = [list(column) for column in zip(*values, strict=True)] if values else []
    return row_dim, col_dim, rows, cols, values


def markdown_table(
    breakdown,
    fmt,
    totals: str = "both",
    title: str = "",
    transpose: bool = False,
    value_header: str = "",
) -> str:
    """A pipe table of the breakdown; ``totals`` rows|cols|both|none adds 合計 column/row.

    ``totals=rows`` adds a 合計 column (each row's total), ``cols`` a 合計 row (each
    column's total), ``both`` both and the grand total. ``fmt`` formats one Decimal.
    """
    row_dim, col_dim, rows, cols, values = grid(breakdown, transpose)
    one_column = cols == [None]
    row_totals = totals in ("rows", "both") and not one_column
    col_totals = totals in ("cols", "both") or (one_column and totals == "rows")

    def show(v):
        return "－" if v is None else escape_cell(fmt(v))

    with translation.override("zh-hant"):  # the report is a Chinese document
        header = [dimension_label(row_dim) if row_dim else "項目"]
    header += (
        [value_header or "數值"]
        if one_column
        else [escape_cell(member_label(col_dim, c)) for c in cols]
    )
    if row_totals:
        header.append(TOTAL)
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|",
    ]
    for r, row_values in zip(rows, values, strict=True):
        line = [escape_cell(member_label(row_dim, r))] + [show(v) for v in row_values]
        if row_totals:
            line.append(show(_sum(row_values)))
        lines.append("| " + " | ".join(line) + " |")
    if col_totals:
        col_sums = (
            [_sum(column) for column in zip(*values, strict=True)] if values else [None] * len(cols)
        )
        line = [TOTAL] + [show(v) for v in col_sums]
        if row_totals:
            line.append(show(_sum(col_sums)))
        lines.append("| " + " | ".join(line) + " |")
    table = "\n".join(lines)
    if title:
        table += f"\n\n: {escape_cell(title)}"
    return table
