"""Charts drawn on the server as inline SVG: no JavaScript, no CDN, readable by screen readers
(`role="img"`, <title>, <desc> with every figure) and always shown with their data table
(template `core/_chart.html`). The figures are whatever the page already computed: a chart
never counts anything itself.

`bar_chart` draws one horizontal bar per item (long Chinese labels fit on the left);
`share_chart` one bar split into parts (KPI status, sections drafted/approved)."""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import formats

BAR_H, GAP, VALUE_W, PLOT_W, CHAR_W, FONT = 18, 6, 64, 360, 7, 12
PALETTE = ("#0b5394", "#1e6b2f", "#b8860b", "#a4161a", "#5b4a8a", "#4a5561")


def text_width(text: str) -> int:
    """Display width in half-width cells: CJK and full-width characters count double."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def _figure(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return formats.format_int(value)
    return formats.format_decimal(Decimal(value), None)


@dataclass
class Chart:
    """What `core/_chart.html` renders: the SVG, its title, and the rows of its data table."""

    chart_id: str
    title: str
    svg: str
    rows: list = field(default_factory=list)  # [(label, displayed figure)]
    headers: tuple = ()

    @property
    def description(self) -> str:
        return "；".join(f"{label}：{figure}" for label, figure in self.rows)


def _open(chart_id: str, title: str, desc: str, width: int, height: int) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg class="chart" id="{cid}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{cid}-t {cid}-d" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{cid}-t">{escape(title)}</title>',
        f'<desc id="{cid}-d">{escape(desc)}</desc>',
    ]


def bar_chart(chart_id: str, title: str, items, *, unit: str = "", headers=()) -> Chart:
    """One horizontal bar per (label, value) in `items`, in their order; a value of None is
    drawn as no bar and written —. `unit` follows each figure ("件", "小時")."""
    items = [(str(label), value) for label, value in items]
    rows = [(label, _figure(v) + (unit if v is not None else "")) for label, v in items]
    chart = Chart(chart_id, title, "", rows, headers)
    peak = max([Decimal(v) for _l, v in items if v is not None and v > 0] or [Decimal(1)])
    label_w = min(max([text_width(label) for label, _v in items] or [4]) * CHAR_W + 8, 220)
    width = label_w + PLOT_W + VALUE_W
    height = max(len(items), 1) * (BAR_H + GAP) + GAP
    parts = _open(chart_id, title, chart.description, width, height)
    for i, ((label, value), (_l, shown)) in enumerate(zip(items, rows, strict=True)):
        y = GAP + i * (BAR_H + GAP)
        bar = 0.0 if value is None or value <= 0 else float(Decimal(value) / peak) * PLOT_W
        parts.append(
            f'<text x="{label_w - 6}" y="{y + BAR_H - 5}" text-anchor="end" '
            f'font-size="{FONT}">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{bar:.1f}" height="{BAR_H}" fill="{PALETTE[0]}">'
            f"<title>{escape(label)}：{escape(shown)}</title></rect>"
        )
        parts.append(
            f'<text x="{label_w + bar + 4:.1f}" y="{y + BAR_H - 5}" font-size="{FONT}">'
            f"{escape(shown)}</text>"
        )
    parts.append("</svg>")
    chart.svg = mark_safe("".join(parts))  # every interpolated text above is escaped
    return chart


def share_chart(chart_id: str, title: str, parts_in, *, colours=None) -> Chart:
    """One bar split into (label, count) parts in proportion, with a legend below: e.g. KPIs
    on track / at risk / missing. Parts of 0 are listed in the legend but take no width."""
    items = [(str(label), int(n)) for label, n in parts_in]
    colours = colours or PALETTE
    total = sum(n for _l, n in items)
    rows = [(label, formats.format_int(n)) for label, n in items]
    chart = Chart(chart_id, title, "", rows)
    width, bar_h = 480, 28
    legend_y = bar_h + 22
    parts = _open(chart_id, title, chart.description, width, legend_y + 8)
    x = 0.0
    for i, (label, n) in enumerate(items):
        w = width * n / total if total else 0
        colour = colours[i % len(colours)]
        if w:
            parts.append(
                f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                f"<title>{escape(label)}：{n}</title></rect>"
            )
            if w > 24:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{bar_h - 9}" text-anchor="middle" '
                    f'font-size="{FONT + 1}" fill="#fff">{n}</text>'
                )
        x += w
    lx = 0
    for i, (label, n) in enumerate(items):
        colour = colours[i % len(colours)]
        parts.append(
            f'<rect x="{lx}" y="{legend_y - 11}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="{legend_y}" font-size="{FONT}">{escape(label)} {n}</text>'
        )
        lx += 16 + (text_width(label) + len(str(n)) + 1) * CHAR_W + 18
    parts.append("</svg>")
    chart.svg = mark_safe("".join(parts))
    return chart
