"""The placeholders that print more than one figure: a KPI (target, weight, actual and its
achievement for the year to date), a table of an indicator's breakdown and a list of records'
sentences. A mixin of the renderer (``placeholders.Renderer``), whose state they use."""

from mishu.core import formats

from .. import sources
from ..values import UnknownCode, clean
from . import tables
from .grammar import PlaceholderError
from .marks import EMPTY_MARK, Missing, Undefined, format_number, missing_mark


class BlockVerbs:
    """``kpi``, ``table`` and ``list``."""

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
