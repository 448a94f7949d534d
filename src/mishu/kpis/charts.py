"""Trend charts as inline SVG drawn on the server: no JavaScript, readable by screen readers
(<title>, <desc>) and always accompanied by a data table."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 360, 160, 44, 12, 12, 28


def trend_svg(
    chart_id: str,
    title: str,
    desc: str,
    points: list[tuple[str, Decimal | None]],
    target: Decimal | None = None,
) -> str:
    """A line chart of `points` (label, value; None leaves a gap) with a dashed target line."""
    values = [v for _l, v in points if v is not None] + ([target] if target is not None else [])
    lo, hi = (min(values), max(values)) if values else (Decimal(0), Decimal(1))
    lo = min(lo, Decimal(0))
    if hi == lo:
        hi = lo + 1
    n = max(len(points) - 1, 1)

    def x(i):
        return PAD_L + (W - PAD_L - PAD_R) * i / n

    def y(v):
        return PAD_T + (H - PAD_T - PAD_B) * float((hi - Decimal(v)) / (hi - lo))

    parts = [
        f'<svg class="trend" id="{escape(chart_id)}" viewBox="0 0 {W} {H}" width="{W}" '
        f'height="{H}" role="img" aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-d">{escape(desc)}</desc>',
        f'<line x1="{PAD_L}" y1="{H - PAD_B}" x2="{W - PAD_R}" y2="{H - PAD_B}" stroke="#666"/>',
        f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{H - PAD_B}" stroke="#666"/>',
        f'<text x="{PAD_L - 4}" y="{PAD_T + 4}" text-anchor="end" font-size="10">'
        f"{escape(_short(hi))}</text>",
        f'<text x="{PAD_L - 4}" y="{H - PAD_B}" text-anchor="end" font-size="10">'
        f"{escape(_short(lo))}</text>",
    ]
    if target is not None:
        parts.append(
            f'<line class="target" x1="{PAD_L}" y1="{y(target):.1f}" x2="{W - PAD_R}" '
            f'y2="{y(target):.1f}" stroke="#b00" stroke-dasharray="4 3"/>'
        )
    segment: list[str] = []
    segments = []
    for i, (_label, v) in enumerate(points):
        if v is None:
            segments.append(segment)
            segment = []
        else:
            segment.append(f"{x(i):.1f},{y(v):.1f}")
    segments.append(segment)
    for seg in segments:
        if len(seg) > 1:
            parts.append(
                f'<polyline fill="none" stroke="#1f5fa8" stroke-width="2" '
                f'points="{" ".join(seg)}"/>'
            )
    for i, (label, v) in enumerate(points):
        parts.append(
            f'<text x="{x(i):.1f}" y="{H - 8}" text-anchor="middle" font-size="10">'
            f"{escape(label)}</text>"
        )
        if v is not None:
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="#1f5fa8"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text above is escaped


def _short(v: Decimal) -> str:
    v = Decimal(v)
    return format(v.quantize(Decimal("0.01")).normalize(), "f") if v % 1 else format(v, ".0f")
