"""Petition statistics: counts by agency, category, channel and month; per agency the on-time
rate and the average working days to reply (from the day after receipt, less holidays)."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from mishu.core.formats import Period
from mishu.core.workdays import office_calendar

from .models import PetitionCase


@dataclass
class AgencyRow:
    agency: str
    received: int = 0
    replied: int = 0
    on_time: int = 0
    days: Decimal = Decimal(0)

    @property
    def on_time_rate(self) -> Decimal | None:
        """Percent of replied cases answered by their deadline."""
        if not self.replied:
            return None
        return (Decimal(100) * self.on_time / self.replied).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def average_days(self) -> Decimal | None:
        if not self.replied:
            return None
        return (self.days / self.replied).quantize(Decimal("0.01"), ROUND_HALF_UP)


def compute(period: Period, user) -> dict:
    """Every table of the statistics page for the cases received in `period` that `user` sees."""
    qs = (
        PetitionCase.objects.restrict(user, "view")
        .filter(received_on__range=(period.start, period.end))
        .select_related("agency")
        .order_by("agency__order", "received_on")
    )
    cal = office_calendar()
    agencies: dict[str, AgencyRow] = {}
    by_category, by_channel, by_month = Counter(), Counter(), defaultdict(int)
    for case in qs.iterator(chunk_size=2000):
        name = case.agency.short_name if case.agency else "—"
        row = agencies.setdefault(name, AgencyRow(name))
        row.received += 1
        if case.replied_on:
            row.replied += 1
            row.on_time += bool(case.deadline and case.replied_on <= case.deadline)
            row.days += cal.days_used(case.received_on, case.replied_on)
        by_category[case.category or "—"] += 1
        by_channel[case.get_channel_display()] += 1
        by_month[Period("month", case.received_on.year, case.received_on.month).code] += 1
    return {
        "agencies": list(agencies.values()),
        "categories": by_category.most_common(),
        "channels": by_channel.most_common(),
        "months": sorted(by_month.items()),
        "total": sum(r.received for r in agencies.values()),
    }
