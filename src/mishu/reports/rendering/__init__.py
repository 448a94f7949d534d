"""Build a report: template → Markdown (placeholders resolved) → HTML, ODT, DOCX or PDF.

``build_report(period, fmt, template=None, user=None) -> bytes`` is the one entry point;
``build()`` returns the same with the Markdown, the missing values and whether a closed
period's snapshot supplied the figures.
"""

from dataclasses import dataclass, field

from mishu.core.formats import FormatError, Period

from .grammar import TemplateError, help_lines
from .markdown import compose
from .marks import Missing, Rendered
from .outputs import CONTENT_TYPES, FONTS, FORMATS, Cover, OutputError, convert, html_fragment
from .placeholders import render_body

__all__ = [
    "CONTENT_TYPES",
    "FONTS",
    "FORMATS",
    "Built",
    "Missing",
    "OutputError",
    "Rendered",
    "ReportError",
    "TemplateError",
    "build",
    "build_report",
    "help_lines",
    "html_fragment",
    "render_report",
    "resolve_period",
    "resolve_template",
    "title_for",
]


class ReportError(ValueError):
    """A report that cannot be built (bad period, no such template, unknown format)."""


@dataclass
class Built:
    """A built report: its bytes and what went into them."""

    content: bytes
    fmt: str
    period: Period
    template: object
    markdown: str
    missing: list[Missing] = field(default_factory=list)
    from_snapshot: bool = False
    draft: object = None


def resolve_period(period) -> Period:
    """A Period from a Period or its code/label; raises ReportError in Chinese."""
    if isinstance(period, Period):
        return period
    try:
        return Period.parse(str(period))
    except FormatError:
        raise ReportError(f"「{period}」不是期別（例：108H2、108Q3、108-07、108）") from None


def resolve_template(template=None):
    """A ReportTemplate from an instance, a name or None (the default template)."""
    from ..models import ReportTemplate

    if isinstance(template, ReportTemplate):
        return template
    if template in (None, ""):
        found = ReportTemplate.default()
        if found is None:
            raise ReportError("尚無報告範本：請先建立範本")
        return found
    found = ReportTemplate.objects.filter(name=str(template)).first()
    if found is None:
        names = "、".join(ReportTemplate.objects.values_list("name", flat=True)) or "無"
        raise ReportError(f"找不到範本「{template}」（現有：{names}）")
    return found


def title_for(period: Period) -> str:
    return f"臺北市政府秘書處工作報告（{period.label}）"


def cover_for(period: Period, user=None, today=None) -> Cover:
    """The cover: the council term and session the report is for (missing ones left out) and
    the date it was built, in 民國."""
    import datetime

    from mishu.core import formats

    from ..values import UnknownCode, ValueSource

    values, numbers = ValueSource(user), []
    for code in ("council.term", "council.session"):
        try:
            value = values.value(code, period)
        except UnknownCode:
            value = None
        numbers.append(None if value is None else formats.format_int(value))
    term, session = numbers
    council = ""
    if term and session:
        council = f"臺北市議會第 {term} 屆第 {session} 次定期大會"
    today = today or datetime.date.today()
    return Cover(
        session=council,
        date=f"中華民國 {formats.roc_year(today.year)} 年 {today.month} 月",
        period=f"{period.label}（{period.range_label}）",
    )


def period_draft(period: Period):
    """The draft of the period, if one was started."""
    from ..models import ReportDraft

    return ReportDraft.objects.filter(period=period.code).first()


def resolve_source(period: Period, template=None):
    """(body, template, draft): the period's draft unless a template is asked for, else the
    template (the default structure, shipped with Mishu when the database has none)."""
    from ..models import ReportTemplate

    if template in (None, ""):
        draft = period_draft(period)
        if draft is not None:
            return draft.body(), draft.template, draft
        structure = ReportTemplate.structure()
        return structure.body, structure, None
    template = resolve_template(template)
    return template.body, template, None


def render_report(period, template=None, user=None) -> Rendered:
    """The report's Markdown (missing notice on top); raises TemplateError or ReportError."""
    period = resolve_period(period)
    body, _template, _draft = resolve_source(period, template)
    rendered = render_body(body, period, user, strict=template not in (None, ""))
    rendered.markdown = compose(rendered.markdown, rendered.missing)
    return rendered


def build(period, fmt: str, template=None, user=None, font: str = "sans") -> Built:
    """Build the report of ``period`` in ``fmt``; see build_report. ``font``: sans or kai."""
    if fmt not in FORMATS:
        raise ReportError(f"不支援的格式「{fmt}」（可用：{'、'.join(FORMATS)}）")
    if font not in FONTS:
        raise ReportError(f"不支援的字型「{font}」（可用：{'、'.join(FONTS)}）")
    period = resolve_period(period)
    strict = template not in (None, "")
    body, template, draft = resolve_source(period, template)
    rendered = render_body(body, period, user, strict=strict)
    rendered.markdown = compose(rendered.markdown, rendered.missing)
    content = convert(rendered.markdown, fmt, title_for(period), cover_for(period, user), font=font)
    return Built(
        content,
        fmt,
        period,
        template,
        rendered.markdown,
        rendered.missing,
        rendered.from_snapshot,
        draft,
    )


def build_report(period, fmt: str, template=None, user=None) -> bytes:
    """The report of ``period`` (a Period or code) in ``fmt`` (html, odt, docx, pdf) as bytes.

    ``template`` is a ReportTemplate, its name, or None for the default; ``user`` limits what
    records the figures and lists may read (None: everything, as for a command).
    """
    return build(period, fmt, template, user).content
