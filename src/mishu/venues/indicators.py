"""What the venue bookings feed the report: bookings per venue group, fees, stage and AV loans.

A booking counts in the period in which it starts, and only once approved; the figures are
missing for a period without any booking entered.
"""

from decimal import Decimal

from django.db.models import Count, Sum

from mishu.indicators import registry

from .models import Booking, BookingStatus, ReportGroup

# a period with no booking entered at all (any status) is not known to have had none
_bookings_entered = registry.has_records(Booking, "starts__date")


def _bookings(period, user):
    return registry.records_in(Booking, user, period, "starts__date").filter(
        status=BookingStatus.APPROVED
    )


@registry.computed(
    code="city_hall.venue_bookings",
    label="市政大樓場地租借",
    label_en="Venue bookings",
    unit="場次",
    dimensions=("venue",),
    kind="count",
    division="city-hall",
    covered=_bookings_entered,
)
def venue_bookings(period, user, venue=None):
    """Approved bookings starting in the period; `venue` is the report group (1 樓中庭 ...)."""
    qs = _bookings(period, user)
    return Decimal((qs.filter(venue__report_group=venue) if venue else qs).count())


@venue_bookings.breakdown
def venue_bookings_by_venue(period, user):
    rows = dict(
        _bookings(period, user)
        .order_by()
        .values_list("venue__report_group")
        .annotate(n=Count("pk"))
    )
    return {g: Decimal(rows[g]) for g in ReportGroup.values if g in rows}


def _booking_indicator(code, label, label_en, unit, kind, build):
    @registry.computed(
        code=code,
        label=label,
        label_en=label_en,
        unit=unit,
        kind=kind,
        division="city-hall",
        covered=_bookings_entered,
    )
    def fn(period, user):
        return Decimal(build(_bookings(period, user)) or 0)

    return fn


venue_fees = _booking_indicator(
    "city_hall.venue_fees",
    "場地租借收費",
    "Venue fees collected",
    "元",
    "amount",
    lambda qs: qs.aggregate(v=Sum("fee"))["v"],
)
stage_setups = _booking_indicator(
    "city_hall.stage_setups",
    "搭設活動式舞臺",
    "Mobile stage set-ups",
    "場次",
    "count",
    lambda qs: qs.filter(stage=True).count(),
)
av_loans = _booking_indicator(
    "city_hall.av_loans",
    "提供燈光音響設備",
    "Lighting and sound loans",
    "場次",
    "count",
    lambda qs: qs.filter(av=True).count(),
)
stage_savings = _booking_indicator(
    "city_hall.stage_savings",
    "舞臺及燈光音響節省公帑",
    "Money saved by stage and AV loans",
    "元",
    "amount",
    lambda qs: qs.aggregate(v=Sum("saving"))["v"],
)
