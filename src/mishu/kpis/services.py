"""KPI maths: achievement against target, weighted roll-up per objective, loading a strategy."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.formats import Period
from mishu.core.tabular import read_dicts
from mishu.indicators import registry

from .choices import Direction
from .models import KPI, Objective

ONE = Decimal(1)


@dataclass(frozen=True)
class Evaluation:
    """A KPI's actual value, target and achievement (a ratio, 1 = fully achieved)."""

    actual: Decimal | None
    target: Decimal
    achievement: Decimal | None


def achievement(actual, target, direction: str) -> Decimal | None:
    """min(actual/target, 1) when higher is better; 1 if actual ≤ target else target/actual
    when lower is better. None when there is no actual value."""
    if actual is None:
        return None
    actual, target = Decimal(actual), Decimal(target)
    if direction == Direction.LOWER:
        if actual <= target:
            return ONE
        return target / actual if actual else ONE
    if target == 0:
        return ONE if actual >= 0 else Decimal(0)
    return min(actual / target, ONE)


def evaluate(kpi: KPI, period) -> Evaluation:
    """The KPI for a period: its indicator's organisation-wide value against the target (the
    same figure whoever looks: KPIs are the organisation's, not a viewer's share)."""
    try:
        actual = registry.value(kpi.indicator_code, period)
    except registry.UnknownIndicator:
        actual = None
    return Evaluation(actual, kpi.target, achievement(actual, kpi.target, kpi.direction))


ON_TRACK, AT_RISK, MISSING = "on_track", "at_risk", "missing"
STATUS_LABELS = {ON_TRACK: _("On track"), AT_RISK: _("At risk"), MISSING: _("Missing")}


def status(evaluation: Evaluation, kpi: KPI | None = None, period=None) -> str:
    """At a glance: missing without an actual; otherwise on track when the achievement is full.
    Part-way through the year a flow KPI (a count or an amount that adds up over the months) is
    judged against its pace: the share of the annual target its months to date should have
    reached (half of it by June), so a KPI on course is not shown at risk in the first half."""
    if evaluation.achievement is None:
        return MISSING
    pace = _paced_target(kpi, period) if kpi is not None and period is not None else None
    if pace is not None:
        reached = achievement(evaluation.actual, pace, kpi.direction)
        return ON_TRACK if reached >= ONE else AT_RISK
    return ON_TRACK if evaluation.achievement >= ONE else AT_RISK


def _paced_target(kpi: KPI, period) -> Decimal | None:
    """The annual target scaled to the months from January to the period's end, for a flow
    indicator in a period that ends before December; None otherwise (the target as it is)."""
    span = year_to_date(period)
    if span is None or span.end.month == 12:
        return None
    try:
        definition = registry.get(kpi.indicator_code)
    except registry.UnknownIndicator:
        return None
    if not getattr(definition, "flow", False):
        return None
    return Decimal(kpi.target) * span.end.month / 12


def year_to_date(period) -> Period | None:
    """The span from January to the period's end, which a year's target is compared with:
    the first half for 109H1, the whole year for 108H2 (or 108), Q1 for 109Q1. None when no
    period of the calendar spans it (108Q3: January to September)."""
    period = registry._period(period)
    if period.kind == "year":
        return period
    spans = {1: ("month", 1), 3: ("quarter", 1), 6: ("half", 1), 12: ("year", 1)}
    found = spans.get(period.end.month)
    return Period(found[0], period.year, found[1]) if found else None


def year_to_date_label(period) -> str:
    """「108 年 1 月至 12 月累計」: what the dashboard compares targets with."""
    span = year_to_date(period)
    if span is None:
        return ""
    roc = formats.roc_year(span.year)
    return f"{roc} 年 1 月至 {span.end.month} 月累計" if span.end.month > 1 else f"{roc} 年 1 月"


def evaluate_to_date(kpi: KPI, period) -> Evaluation:
    """The KPI's annual target against the actual from January to the period's end."""
    span = year_to_date(period)
    if span is None:
        return Evaluation(None, kpi.target, None)
    return evaluate(kpi, span)


def objective_achievement(objective: Objective, period, to_date: bool = False) -> Decimal | None:
    """The weighted mean of the achievements of the objective's KPIs that have a value (over
    the year to the period's end when `to_date`)."""
    judge = evaluate_to_date if to_date else evaluate
    return weighted_achievement((k.weight, judge(k, period)) for k in objective.kpis.all())


def weighted_achievement(weighted) -> Decimal | None:
    """The mean of the achievements of (weight, Evaluation) pairs that have one, by weight."""
    pairs = [(w, ev.achievement) for w, ev in weighted if ev.achievement is not None]
    weights = sum((w for w, _a in pairs), Decimal(0))
    if not weights:
        return None
    return sum((w * a for w, a in pairs), Decimal(0)) / weights


def load_strategy(rows, user=None) -> list[KPI]:
    """Create or update objectives and KPIs from rows (dicts, or a CSV/XLSX/ODS file) with
    `objective_code,objective_name,objective_name_en,kpi_code,kpi_name,kpi_name_en,
    indicator_code,direction,target,unit,weight,year`. All or nothing: a ValidationError lists
    every bad row. A target may be written as a percent (95%)."""
    from . import importing

    table = [{"_row": number, **row} for number, row in read_dicts(rows)]
    result = importing.import_rows(table, user)
    if not result.ok:
        raise ValidationError(
            [_("Row %(n)s: %(msg)s") % {"n": e.row, "msg": e.message} for e in result.errors]
        )
    return [KPI.objects.get(code=r["kpi_code"].strip(), year=int(r["year"])) for r in table]


def has_strategy(year: int) -> bool:
    """Whether the (ROC) year has a strategy map."""
    return Objective.objects.filter(year=year).exists()


def copy_strategy(from_year: int, to_year: int) -> list[KPI]:
    """Start `to_year`'s strategy map as a copy of `from_year`'s: every objective and KPI with
    its indicator, direction, target and weight (then edited). Refuses when `to_year` already
    has a map or `from_year` has none; each record saved (and logged) on its own."""
    if has_strategy(to_year):
        raise ValidationError(
            _("Year %(y)s already has a strategy map; edit it instead.") % {"y": to_year}
        )
    objectives = list(Objective.objects.filter(year=from_year).prefetch_related("kpis"))
    if not objectives:
        raise ValidationError(_("Year %(y)s has no strategy map to copy.") % {"y": from_year})
    copied = []
    with transaction.atomic():  # the request's (or command's) audit context names the user
        for old in objectives:
            new = Objective.objects.create(
                code=old.code, name=old.name, name_en=old.name_en, order=old.order, year=to_year
            )
            for kpi in old.kpis.all():
                copied.append(
                    KPI.objects.create(
                        objective=new,
                        code=kpi.code,
                        name=kpi.name,
                        name_en=kpi.name_en,
                        indicator_code=kpi.indicator_code,
                        direction=kpi.direction,
                        target=kpi.target,
                        unit=kpi.unit,
                        weight=kpi.weight,
                        year=to_year,
                    )
                )
    return copied


def frozen_terms(period) -> dict:
    """The targets and weights of the KPIs of the period's (ROC) year, as frozen at period close:
    `{"CODE.target": "0.95", "CODE.weight": "1"}` (a later edit then shows as a difference)."""
    roc = registry._period(period).year - 1911
    out = {}
    for kpi in KPI.objects.filter(year=roc):
        out[f"{kpi.code}.target"] = str(kpi.target)
        out[f"{kpi.code}.weight"] = str(kpi.weight)
    return out
