"""Per-venue statistics for a period: approved bookings, hours used, fees, utilisation."""

from dataclasses import dataclass
from decimal import Decimal

from mishu.indicators import registry

from ..models import Booking, BookingStatus, Venue


@dataclass
class VenueStats:
    venue: Venue
    bookings: int = 0
    hours: Decimal = Decimal(0)
    bookable_hours: Decimal = Decimal(0)
    fees: Decimal = Decimal(0)
    stage: int = 0
    av: int = 0

    @property
    def utilisation(self) -> Decimal | None:
        """Hours booked over the hours the venue was open (None when it never was)."""
        return registry.ratio(self.hours, self.bookable_hours)


def venue_statistics(period, user=None) -> list[VenueStats]:
    """Every venue the user may see with its approved bookings starting in the period."""
    venues = registry.records(Venue, user).order_by("report_group", "name")
    stats = {
        v.pk: VenueStats(v, bookable_hours=v.bookable_hours(period.start, period.end))
        for v in venues
    }
    qs = registry.records(Booking, user).filter(
        status=BookingStatus.APPROVED,
        starts__date__range=(period.start, period.end),
        venue__in=list(stats),
    )
    for b in qs.only("venue_id", "starts", "ends", "fee", "stage", "av"):
        s = stats[b.venue_id]
        s.bookings += 1
        s.hours += Decimal((b.ends - b.starts).total_seconds()) / 3600
        s.fees += b.fee
        s.stage += b.stage
        s.av += b.av
    for s in stats.values():
        s.hours = s.hours.quantize(Decimal("0.1"))
    return list(stats.values())
