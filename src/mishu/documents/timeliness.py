"""The monthly timeliness statistics per unit (公文時效統計): documents closed in the period,
依限 and 逾期, the on-time rate and mean working days used, and open documents past deadline."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q

from mishu.core.models import Division
from mishu.indicators import registry

from .choices import Timeliness


@dataclass
class UnitRow:
    division: Division
    closed: int
    on_time: int
    overdue: int
    mean_days: Decimal | None
    open_overdue: int

    @property
    def on_time_rate(self) -> Decimal | None:
        return registry.ratio(self.on_time, self.closed)


def by_unit(queryset, period) -> list[UnitRow]:
    """One row per handling unit with documents closed in the period or open past deadline."""
    closed = (
        queryset.filter(closed_on__range=(period.start, period.end))
        .order_by()
        .values("division")
        .annotate(
            n=Count("pk"),
            on_time=Count("pk", filter=Q(timeliness=Timeliness.ON_TIME)),
            overdue=Count("pk", filter=Q(timeliness=Timeliness.OVERDUE)),
            mean=Avg("days_used"),
        )
    )
    open_overdue = dict(
        queryset.filter(closed_on__isnull=True, deadline__lt=period.end)
        .order_by()
        .values_list("division")
        .annotate(n=Count("pk"))
    )
    stats = {row["division"]: row for row in closed}
    divisions = Division.objects.filter(pk__in=set(stats) | set(open_overdue))
    rows = []
    for division in divisions:
        s = stats.get(division.pk, {})
        mean = s.get("mean")
        rows.append(
            UnitRow(
                division=division,
                closed=s.get("n", 0),
                on_time=s.get("on_time", 0),
                overdue=s.get("overdue", 0),
                mean_days=Decimal(mean).quantize(Decimal("0.01")) if mean is not None else None,
                open_overdue=open_overdue.get(division.pk, 0),
            )
        )
    return rows


def months_with_statistics(queryset, period) -> list:
    """The months of the period for which the monthly statistics exist: at least one document
    closed in the month (one cheap existence query per month)."""
    return [
        month
        for month in period.months()
        if queryset.filter(closed_on__range=(month.start, month.end)).exists()
    ]
