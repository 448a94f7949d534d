"""Resolve a template's placeholders against indicator values (or a closed period's snapshot).

``render_body(body, period, user)`` returns the narrative with every placeholder replaced by
formatted text; a value that is not there renders ``【缺：CODE】`` and is collected in
``Rendered.missing``. Unknown verbs, codes or options raise :class:`TemplateError` listing
each line at fault.
"""

from decimal import Decimal

from mishu.core import formats
from mishu.core.formats import Period
from mishu.indicators.memo import render_scope

from ..values import UnknownCode, ValueSource
from .blocks import BlockVerbs
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
from .marks import (
    CLAUSE_END,
    EMPTY_MARK,
    EmptyList,
    Missing,
    Rendered,
    Undefined,
    format_number,
    missing_mark,
)


class Renderer(BlockVerbs):
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
            start = max(markdown.rfind(c, 0, at) for c in CLAUSE_END) + 1
            ends = [e for e in (markdown.find(c, at) for c in CLAUSE_END) if e >= 0]
            end = min(ends) if ends else len(markdown)
            sentence = markdown[start:end].replace(mark, "")
            if replacement is not None:
                markdown = markdown.replace(mark, replacement, 1)
            else:  # the clause goes, with the punctuation that ended it unless the line ends
                comma_after = end < len(markdown) and markdown[end] == "，"
                cut = end + 1 if comma_after else end
                if not comma_after and start > 0 and markdown[start - 1] in "，；":
                    start -= 1  # 「A，B…。」 and 「A；B…。」 become 「A。」
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
    """Render a template body for ``period`` as seen by ``user`` (repeated reads of one render
    remembered: indicators.memo)."""
    with render_scope():
        return Renderer(period, user, values, strict).render(body)
