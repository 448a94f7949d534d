"""Resolve a template's placeholders against indicator values (or a closed period's snapshot).

``render_body(body, period, user)`` returns the narrative with every placeholder replaced by
formatted text; a value that is not there renders ``【缺：CODE】`` and is collected in
``Rendered.missing``. Unknown verbs, codes or options raise :class:`TemplateError` listing
each line at fault.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from mishu.core import formats
from mishu.core.formats import Period

from .. import sources
from ..values import UnknownCode, ValueSource, clean
from . import tables
from .grammar import (
    PLACEHOLDER_RE,
    PlaceholderError,
    Problem,
    TemplateError,
    line_of,
    parse,
    parse_cell,
    parse_one,
)


@dataclass(frozen=True)
class Missing:
    """A value the report needed and did not find."""

    code: str
    label: str
    period: str
    line: int

    def __str__(self) -> str:
        return (
            f"{self.code}（{self.label}，{self.period}）"
            if self.label
            else f"{self.code}（{self.period}）"
        )


@dataclass(frozen=True)
class EmptyList:
    """A list placeholder that found no records: the sentence around it was dropped or reworded."""

    source: str
    line: int
    sentence: str

    def __str__(self) -> str:
        return f"第 {self.line} 行清單 {self.source} 本期無資料"


@dataclass
class Rendered:
    """A rendered narrative: its Markdown, the values missing and whether a snapshot fed it."""

    markdown: str
    missing: list[Missing] = field(default_factory=list)
    from_snapshot: bool = False
    empty_lists: list[EmptyList] = field(default_factory=list)


# An empty run-on list drops its clause: the text between the punctuation around it.
EMPTY_MARK = "\x00EMPTY{}\x00"
_CLAUSE_END = "，。；：\n"


def missing_mark(code: str) -> str:
    return f"【缺：{code}】"


def format_number(value: Decimal, spec: str | None, kind: str = "count") -> str:
    """Format one value by a ``format=`` spec, or by the indicator's kind when none is given."""
    if spec is None:
        spec = {"ratio": "percent", "average": "decimal:2"}.get(kind, "wan")
    name, _, rest = spec.partition(":")
    parts = rest.split(":") if rest else []
    if name == "int":
        return formats.format_int(value)
    if name == "decimal":
        return formats.format_decimal(value, int(parts[0]) if parts else None)
    if name == "percent":
        places = next((int(p) for p in parts if p.isdigit()), 2)
        return formats.format_percent(value, places, strip="strip" in parts)
    if name == "wan_approx":
        return formats.format_wan_approx(value, parts[0] if parts else "萬")
    return formats.format_wan(value)


class Undefined(Exception):
    """A code nothing defines yet, in lenient rendering: marked missing, not an error."""

    def __init__(self, code: str, what: str):
        super().__init__(code)
        self.code, self.what = code, what


class Renderer:
    """Renders template bodies for one period and user.

    ``strict`` (templates being written) makes an unknown indicator or KPI code an error; a
    period's draft or the default structure renders it missing (``【缺：CODE】``, listed as
    未定義), so a new database without indicator definitions or a year's KPIs still builds.
    """

    def __init__(
        self, period: Period, user=None, values: ValueSource | None = None, strict: bool = True
    ):
        self.strict = strict
        self.period = period
        self.user = user
        self.values = values or ValueSource(user)
        if self.values.report_period is None:
            self.values.report_period = period
        self.missing: list[Missing] = []
        self.empty: list[tuple[str, int, str | None]] = []

    # -- helpers -----------------------------------------------------------------------
    def _period(self, option: str | None) -> Period:
        """The report's period, `prev` (same period last year), `year` / `prev_year` (the
        calendar year of the report's period, or the one before), or an explicit period code."""
        if option in (None, "", "prev"):
            return self.period.previous_year() if option == "prev" else self.period
        if option in ("year", "prev_year"):
            year = Period("year", self.period.year)
            return year.previous_year() if option == "prev_year" else year
        return Period.parse(option)

    def _definition(self, code: str):
        try:
            return self.values.definition(code)
        except UnknownCode:
            if not self.strict:
                raise Undefined(code, "未定義的指標") from None
            raise PlaceholderError(f"未知的指標代碼「{code}」") from None

    def _value(self, ph, code: str, period: Period, cell: dict) -> Decimal | None:
        definition = self._definition(code)
        dims = tuple(getattr(definition, "dimensions", ()) or ())
        unknown = [d for d in cell if d not in dims]
        if unknown:
            raise PlaceholderError(
                f"{code} 沒有維度「{'、'.join(unknown)}」（有：{'、'.join(dims) or '無'}）"
            )
        value = self.values.value(code, period, **cell)
        if value is None:
            self.missing.append(
                Missing(code, str(getattr(definition, "label", "")), period.label, ph.line)
            )
        return value

    def _cell(self, ph) -> dict:
        return parse_cell(ph.options["cell"]) if "cell" in ph.options else {}

    # -- verbs -------------------------------------------------------------------------
    def verb_value(self, ph) -> str:
        code = ph.args[0]
        value = self._value(ph, code, self._period(ph.options.get("period")), self._cell(ph))
        if value is None:
            return missing_mark(code)
        return format_number(
            value, ph.options.get("format"), getattr(self._definition(code), "kind", "count")
        )

    def verb_change(self, ph) -> str:
        code, cell = ph.args[0], self._cell(ph)
        period = self._period(ph.options.get("period"))
        current = self._value(ph, code, period, cell)
        previous = self._value(ph, code, period.previous_year(), cell)
        if current is None or previous is None:
            return missing_mark(code)
        return formats.change_phrase(
            current,
            previous,
            unit=ph.options.get("unit", ""),
            places=int(ph.options.get("places", 2)),
            approx="approx" in ph.flags,
        )

    def verb_points(self, ph) -> str:
        code, cell = ph.args[0], self._cell(ph)
        period = self._period(ph.options.get("period"))
        against = ph.options.get("against", "prev")
        other_period = period.previous_year() if against == "prev" else self._period(against)
        current = self._value(ph, code, period, cell)
        other = self._value(ph, code, other_period, cell)
        if current is None or other is None:
            return missing_mark(code)
        return formats.point_change_phrase(
            current, other, places=int(ph.options.get("places", 2)), strip="strip" in ph.flags
        )

    def verb_diff(self, ph) -> str:
        code, target, cell = ph.args[0], ph.options["target"], self._cell(ph)
        period = self._period(ph.options.get("period"))
        current = self._value(ph, code, period, cell)
        try:
            goal = self._value(ph, target, period, {})
        except PlaceholderError:
            try:  # a literal target (0.25 or 25%) when no such indicator exists
                goal = formats.parse_percent(target) if "%" in target else Decimal(target)
            except (ArithmeticError, ValueError):
                raise PlaceholderError(f"target=「{target}」不是指標代碼也不是數值") from None
        if current is None or goal is None:
            return missing_mark(code if current is None else target)
        return formats.signed_percent(current - goal, places=int(ph.options.get("places", 2)))

    def verb_kpi(self, ph) -> str:
        """A KPI of the report's year: target, weight, or the actual (and achievement) from
        January to the report period's end unless period= says. Missing, never another
        year's, when the year's strategy map lacks the KPI."""
        from mishu.kpis.services import achievement, year_to_date

        code, name = ph.args[0], ph.options["field"]
        try:
            kpi = self.values.kpi(code, self.period)
        except UnknownCode:
            if not self.strict:
                raise Undefined(
                    code, f"{formats.roc_year(self.period.year)} 年度未訂定的 KPI"
                ) from None
            raise PlaceholderError(f"未知的 KPI 代碼「{code}」") from None
        if kpi is None:
            label = f"{formats.roc_year(self.period.year)} 年度策略地圖無此 KPI"
            self.missing.append(Missing(code, label, self.period.label, ph.line))
            return missing_mark(code)
        if "period" in ph.options:
            period = self._period(ph.options["period"])
        else:
            period = year_to_date(self.period) or self.period
        try:
            kind = getattr(self.values.definition(kpi.indicator_code), "kind", "count")
        except UnknownCode:
            kind = None
        value = getattr(kpi, name) if name in ("target", "weight") else None
        if name in ("actual", "achievement") and kind is not None:
            actual = self._value(ph, kpi.indicator_code, period, {})
            value = actual if name == "actual" else achievement(actual, kpi.target, kpi.direction)
        if value is None:
            if kind is None:
                self.missing.append(Missing(code, str(kpi.name), period.label, ph.line))
            return missing_mark(kpi.indicator_code if kind else code)
        spec = ph.options.get("format")
        if spec is None and name == "achievement":
            spec = "percent:strip"
        elif spec is None and name == "weight":
            spec = "decimal"
        elif spec is None:
            spec = {"ratio": "percent:strip", "average": "decimal:2"}.get(kind or "", "wan")
        text = format_number(clean(value), spec)
        return text.rstrip("0").rstrip(".") if spec == "decimal" and "." in text else text

    def verb_table(self, ph) -> str:
        code = ph.args[0]
        definition = self._definition(code)
        dims = list(getattr(definition, "dimensions", ()) or ())
        if not dims:
            raise PlaceholderError(f"{code} 沒有維度，無法製表（請用 value）")
        for key in ("rows", "cols"):
            if key in ph.options and ph.options[key] not in dims:
                raise PlaceholderError(
                    f"{key}=「{ph.options[key]}」不是 {code} 的維度（有：{'、'.join(dims) or '無'}）"
                )
        transpose = len(dims) > 1 and (
            ph.options.get("rows") == dims[1] or ph.options.get("cols") == dims[0]
        )
        breakdown = self.values.breakdown(code, self.period)
        if breakdown is None or not list(breakdown.rows):
            self.missing.append(
                Missing(code, str(getattr(definition, "label", "")), self.period.label, ph.line)
            )
            return missing_mark(code)
        kind = getattr(definition, "kind", "count")
        default_totals = "none" if kind in ("ratio", "average") else "both"
        return tables.markdown_table(
            breakdown,
            lambda v: format_number(v, ph.options.get("format"), kind),
            totals=ph.options.get("totals", default_totals),
            title=ph.options.get("title", ""),
            transpose=transpose,
            value_header=str(getattr(definition, "unit", "") or "數值"),
        )

    def verb_list(self, ph) -> str:
        name = ph.args[0]
        try:
            source = sources.get(name)
        except sources.UnknownSource:
            raise PlaceholderError(
                f"未知的清單來源「{name}」（可用：{'、'.join(sources.names()) or '無'}）"
            ) from None
        filters = {k: v for k, v in ph.options.items() if k not in ("join", "period", "empty")}
        if "period" in ph.options:
            try:
                period = self._period(ph.options["period"])
            except formats.FormatError:
                raise PlaceholderError(f"period=「{ph.options['period']}」不是期別") from None
        else:
            period = self.period
        try:  # the organisation's records, as the figures: one report whoever reads it
            items = source(period, None, **filters)
        except (TypeError, ValueError) as exc:
            raise PlaceholderError(f"清單「{name}」：{exc}") from None
        if not items:
            self.empty.append((name, ph.line, ph.options.get("empty")))
            if "empty" in ph.options or "join" in ph.options:
                return EMPTY_MARK.format(len(self.empty) - 1)
            return "（本期無資料）"
        if "join" in ph.options:  # run-on, as the seed's KPI section lists acceptances
            return ph.options["join"].join(item.rstrip("。") for item in items)
        return "\n\n".join(f"({i}){item}" for i, item in enumerate(items, start=1))

    def verb_period(self, ph) -> str:
        prev = self.period.previous_year()
        return {
            "label": self.period.label,
            "range": self.period.range_label,
            "end": self.period.end_label,
            "prev_end": prev.end_label,
            "code": self.period.code,
            "prev_label": prev.label,
            "prev_range": prev.range_label,
            "year": str(formats.roc_year(self.period.year)),
            "half": {"half": ("上半年", "下半年")[self.period.index - 1]}.get(
                self.period.kind, "全年" if self.period.kind == "year" else self.period.label
            ),
            "prev_year": str(formats.roc_year(prev.year)),
        }[ph.args[0]]

    def verb_direction(self, ph) -> str:
        """Words that depend on whether the figure rose or fell against last year's."""
        code, cell = ph.args[0], self._cell(ph)
        period = self._period(ph.options.get("period"))
        current = self._value(ph, code, period, cell)
        previous = self._value(ph, code, period.previous_year(), cell)
        if current is None or previous is None:
            return ""
        if current > previous:
            return ph.options.get("up", "")
        if current < previous:
            return ph.options.get("down", "")
        return ph.options.get("same", "")

    def _drop_empty(self, markdown: str) -> tuple[str, list[EmptyList]]:
        """Each empty run-on list: its clause dropped, or its ``empty=`` text put in."""
        found = []
        for i, (source, line, replacement) in enumerate(self.empty):
            mark = EMPTY_MARK.format(i)
            at = markdown.find(mark)
            if at < 0:
                continue
            start = max(markdown.rfind(c, 0, at) for c in _CLAUSE_END) + 1
            ends = [e for e in (markdown.find(c, at) for c in _CLAUSE_END) if e >= 0]
            end = min(ends) if ends else len(markdown)
            sentence = markdown[start:end].replace(mark, "")
            if replacement is not None:
                markdown = markdown.replace(mark, replacement, 1)
            else:  # the clause goes, with the punctuation that ended it unless the line ends
                comma_after = end < len(markdown) and markdown[end] == "，"
                cut = end + 1 if comma_after else end
                if not comma_after and start > 0 and markdown[start - 1] == "，":
                    start -= 1  # 「A，B…。」 becomes 「A。」
                markdown = markdown[:start] + markdown[cut:]
            found.append(EmptyList(source, line, sentence.strip()))
        return markdown, found

    # -- the whole body ------------------------------------------------------------------
    def resolve(self, ph) -> str:
        try:
            text = getattr(self, f"verb_{ph.verb}")(ph)
        except Undefined as exc:
            self.missing.append(Missing(exc.code, exc.what, self.period.label, ph.line))
            text = missing_mark(exc.code)
        block = ph.verb == "table" or (ph.verb == "list" and "join" not in ph.options)
        return f"\n\n{text}\n\n" if block else text

    def render(self, body: str) -> Rendered:
        """Replace every placeholder; raises TemplateError listing every line at fault."""
        parse(body)  # syntax first: every syntax problem at once
        problems: list[Problem] = []

        def replace(match) -> str:
            line = line_of(body, match.start())
            try:
                return self.resolve(parse_one(match.group(1), line))
            except PlaceholderError as exc:
                problems.append(Problem(line, match.group(0), str(exc)))
                return match.group(0)

        markdown = PLACEHOLDER_RE.sub(replace, body)
        if problems:
            raise TemplateError(problems)
        markdown, empty = self._drop_empty(markdown)
        return Rendered(
            markdown,
            self.missing,
            from_snapshot=self.values.closed(self.period),
            empty_lists=empty,
        )


def render_body(
    body: str, period: Period, user=None, values: ValueSource | None = None, strict: bool = True
) -> Rendered:
    """Render a template body for ``period`` as seen by ``user``."""
    return Renderer(period, user, values, strict).render(body)
