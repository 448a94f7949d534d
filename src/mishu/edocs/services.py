"""The city's e-document figures from the agencies' returns (電子公文節能減紙績效).

For a period, each agency's figures are the sum of its returns within the period (a year's
return, or its half-years' returns). The secretariat's online sign-off figures are the
register's (the documents numbered by the secretariat in the period), its meetings and paper
purchases come from its return. The city's figures are the sum over every agency.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from mishu.core.formats import Period
from mishu.core.models import Agency, Division
from mishu.indicators import registry
from mishu.indicators.memo import memoised

from .models import FIGURE_FIELDS, SECRETARIAT, SIGNOFF_FIELDS, EDocumentReturn

DIVISION = "documents"  # the returns are kept by the documents division (文書組)

# measure: (part, whole) — the report's four measures
MEASURES = {
    "paper_signoff": ("paper_signed_online", "paper_incoming"),
    "online_signoff": ("documents_signed_online", "documents_total"),
    "e_meetings": ("e_meetings", "meetings_total"),
    "paper_saving": ("paper_saved_boxes", "paper_baseline_boxes"),
}

FILED, PARTIAL, MISSING = "filed", "partial", "missing"


def division() -> Division:
    """The division that keeps the returns (文書組)."""
    return Division.objects.get(code=DIVISION)


def as_period(period) -> Period:
    """A Period from a Period or its code."""
    return period if isinstance(period, Period) else Period.parse(str(period))


def returns_in(period, user=None):
    """The returns `user` may see that fall within the period."""
    period = as_period(period)
    return registry.records(EDocumentReturn, user).filter(
        starts_on__gte=period.start, ends_on__lte=period.end
    )


# the register's counts of the secretariat's documents (the documents app's indicators)
REGISTER_FIGURES = {
    "paper_incoming": "documents.secretariat_paper_incoming",
    "paper_signed_online": "documents.secretariat_paper_online",
    "documents_total": "documents.secretariat_registered",
    "documents_signed_online": "documents.secretariat_online",
}


def register_figures(period, user=None) -> dict | None:
    """The secretariat's sign-off figures counted in the register for the period; None when the
    register has no documents in it (missing, not zero)."""
    period = as_period(period)
    values = {name: registry.value(code, period, user) for name, code in REGISTER_FIGURES.items()}
    if any(v is None for v in values.values()):
        return None
    return {name: int(v) for name, v in values.items()}


def register_figures_or_zero(period, user=None) -> dict:
    """`register_figures` for a table row or a sum: zeros where the register has nothing."""
    return register_figures(period, user) or dict.fromkeys(REGISTER_FIGURES, 0)


def _zero() -> dict:
    return {
        name: Decimal(0) if name.startswith("paper_") and name.endswith("boxes") else 0
        for name in FIGURE_FIELDS
    }


def _add(into: dict, figures: dict) -> None:
    for name in FIGURE_FIELDS:
        value = figures.get(name)
        if value is not None:
            into[name] += value


@dataclass
class AgencyRow:
    """One agency's figures for the period, how complete its returns are and their ratios."""

    agency: Agency | None
    returns: list = field(default_factory=list)
    figures: dict = field(default_factory=_zero)
    status: str = MISSING
    from_register: bool = False  # the sign-off figures are the register's

    def ratio(self, measure: str) -> Decimal | None:
        part, whole = MEASURES[measure]
        return registry.ratio(self.figures[part], self.figures[whole])

    @property
    def ratios(self) -> dict:
        return {m: self.ratio(m) for m in MEASURES}

    @property
    def filed(self) -> bool:
        return self.status != MISSING


def _status(period: Period, returns: list) -> str:
    if not returns:
        return MISSING
    covered = sum((r.ends_on - r.starts_on).days + 1 for r in returns)
    return FILED if covered >= (period.end - period.start).days + 1 else PARTIAL


@memoised
def summary(period, user=None) -> tuple[list[AgencyRow], AgencyRow]:
    """Every agency of the city (active ones, and any other with a return) and the city's
    total row. The secretariat's sign-off figures are the register's."""
    period = as_period(period)
    by_agency: dict[int, list] = {}
    for r in returns_in(period, user).select_related("agency"):
        by_agency.setdefault(r.agency_id, []).append(r)
    agencies = Agency.objects.filter(active=True) | Agency.objects.filter(pk__in=by_agency)
    rows, total = [], AgencyRow(agency=None)
    for agency in agencies.distinct().order_by("order", "code"):
        row = AgencyRow(agency=agency, returns=by_agency.get(agency.pk, []))
        row.status = _status(period, row.returns)
        for r in row.returns:
            _add(row.figures, {n: getattr(r, n) for n in FIGURE_FIELDS})
        if agency.code == SECRETARIAT:
            row.figures.update(register_figures_or_zero(period, user))
            row.from_register = True
        rows.append(row)
        _add(total.figures, row.figures)
    total.returns = [r for row in rows for r in row.returns]
    total.status = FILED if rows and all(r.status == FILED for r in rows) else PARTIAL
    return rows, total


@memoised
def city_figures(period, user=None) -> dict | None:
    """The city's summed figures (a dict of FIGURE_FIELDS), None when no agency filed."""
    period = as_period(period)
    qs = returns_in(period, user)
    if not qs.exists():
        return None
    sums = qs.exclude(agency__code=SECRETARIAT).aggregate(
        **{name: Sum(name) for name in FIGURE_FIELDS}
    )
    own = qs.filter(agency__code=SECRETARIAT).aggregate(
        **{name: Sum(name) for name in FIGURE_FIELDS if name not in SIGNOFF_FIELDS}
    )
    figures = _zero()
    _add(figures, sums)
    _add(figures, own)
    _add(figures, register_figures_or_zero(period, user))
    return figures


def agency_figures(period, user, short_name: str) -> dict | None:
    """One agency's figures (the register's sign-off for the secretariat), None if unknown or
    without a return in the period."""
    period = as_period(period)
    agency = Agency.objects.filter(short_name=short_name).first()
    if agency is None:
        return None
    returns = list(returns_in(period, user).filter(agency=agency))
    if not returns:
        return None
    figures = _zero()
    for r in returns:
        _add(figures, {n: getattr(r, n) for n in FIGURE_FIELDS})
    if agency.code == SECRETARIAT:
        figures.update(register_figures_or_zero(period, user))
    return figures


@memoised
def secretariat_figures(period, user=None) -> dict | None:
    """The secretariat's own return figures (meetings and paper), None without a return."""
    qs = returns_in(period, user).filter(agency__code=SECRETARIAT)
    if not qs.exists():
        return None
    figures = _zero()
    _add(figures, qs.aggregate(**{n: Sum(n) for n in FIGURE_FIELDS if n not in SIGNOFF_FIELDS}))
    return figures
