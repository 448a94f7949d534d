"""KPI maths: achievement against target, weighted roll-up per objective, loading a strategy."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
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


def evaluate(kpi: KPI, period, user=None) -> Evaluation:
    """The KPI for a period: its indicator's value (as `user` may see it) against the target."""
    try:
        actual = registry.value(kpi.indicator_code, period, user)
    except registry.UnknownIndicator:
        actual = None
    return Evaluation(actual, kpi.target, achievement(actual, kpi.target, kpi.direction))


def objective_achievement(objective: Objective, period, user=None) -> Decimal | None:
    """The weighted mean of the achievements of the objective's KPIs that have a value."""
    pairs = [(k.weight, evaluate(k, period, user).achievement) for k in objective.kpis.all()]
    pairs = [(w, a) for w, a in pairs if a is not None]
    weights = sum((w for w, _a in pairs), Decimal(0))
    if not weights:
        return None
    return sum((w * a for w, a in pairs), Decimal(0)) / weights


def _number(text, field):
    text = str(text).strip()
    try:
        if text.endswith("%"):
            return formats.parse_percent(text, field=field)
        return Decimal(text.replace(",", ""))
    except (InvalidOperation, formats.FormatError):
        raise ValidationError(
            _("%(f)s: “%(v)s” is not a number.") % {"f": field, "v": text}
        ) from None


def load_strategy(rows) -> list[KPI]:
    """Create or update objectives and KPIs from rows (dicts, or a CSV/XLSX/ODS file) with
    `objective_code,objective_name,objective_name_en,kpi_code,kpi_name,kpi_name_en,
    indicator_code,direction,target,unit,weight,year`. All or nothing: a ValidationError lists
    every bad row. A target may be written as a percent (95%)."""
    errors, saved = [], []
    with transaction.atomic():
        for number, r in read_dicts(rows):
            try:
                try:
                    year = int(r.get("year", ""))
                except ValueError:
                    raise ValidationError(_("year must be an ROC year such as 108.")) from None
                direction = (r.get("direction") or Direction.HIGHER).strip()
                if direction not in Direction.values:
                    raise ValidationError(_("direction must be higher or lower."))
                if not r.get("objective_code") or not r.get("kpi_code"):
                    raise ValidationError(_("objective_code and kpi_code are required."))
                objective, _c = Objective.objects.update_or_create(
                    code=r["objective_code"],
                    year=year,
                    defaults={
                        "name": r.get("objective_name") or r["objective_code"],
                        "name_en": r.get("objective_name_en") or "",
                    },
                )
                if _c:
                    objective.order = Objective.objects.filter(year=year).count()
                    objective.save(update_fields=["order"])
                kpi, _c = KPI.objects.update_or_create(
                    code=r["kpi_code"],
                    year=year,
                    defaults={
                        "objective": objective,
                        "name": r.get("kpi_name") or r["kpi_code"],
                        "name_en": r.get("kpi_name_en") or "",
                        "indicator_code": r.get("indicator_code") or "",
                        "direction": direction,
                        "target": _number(r.get("target", ""), "target"),
                        "unit": r.get("unit") or "",
                        "weight": _number(r.get("weight") or "1", "weight"),
                    },
                )
                saved.append(kpi)
            except ValidationError as exc:
                errors.append(
                    _("Row %(n)s: %(msg)s") % {"n": number, "msg": " ".join(exc.messages)}
                )
        if errors:
            transaction.set_rollback(True)
            raise ValidationError(errors)
    return saved


def frozen_terms(period) -> dict:
    """The targets and weights of the KPIs of the period's (ROC) year, as frozen at period close:
    `{"CODE.target": "0.95", "CODE.weight": "1"}` (a later edit then shows as a difference)."""
    roc = registry._period(period).year - 1911
    out = {}
    for kpi in KPI.objects.filter(year=roc):
        out[f"{kpi.code}.target"] = str(kpi.target)
        out[f"{kpi.code}.weight"] = str(kpi.weight)
    return out
