"""What the building records feed the report: energy use, venue bookings and loans (the
building work figures are in `indicators_building`).

A booking counts in the period in which it starts, and only once approved; a meter reading
counts in the month it reads. Energy use is missing unless every month of the period is read;
booking figures are missing for a period without any booking entered.
"""

from decimal import Decimal

from django.db.models import Count, F, Sum

from mishu.indicators import registry

from .models import Booking, BuildingProject, MeterReading, SafetyTraining
from .models.energy import MeterKind
from .models.venues import BookingStatus, ReportGroup


def _usage(period, user, kind) -> Decimal:
    qs = registry.records_in(MeterReading, user, period, "month").filter(meter__kind=kind)
    # SQLite sums decimals as floats: back to the field's two places, trailing zeros dropped
    total = Decimal(str(qs.aggregate(v=Sum("usage"))["v"] or 0)).quantize(Decimal("0.01"))
    return total.quantize(Decimal(1)) if total == total.to_integral_value() else total


def electricity(period, user):
    """kWh used over the period: the sum of the electricity meters' monthly usage."""
    return _usage(period, user, MeterKind.ELECTRICITY)


def _read_every_month(kind):
    return registry.every_month(MeterReading, "month", meter__kind=kind)


registry.computed(
    code="energy.electricity_kwh",
    label="總用電量",
    label_en="Electricity consumption",
    unit="度",
    kind="amount",
    division="general-affairs",
    covered=_read_every_month(MeterKind.ELECTRICITY),
)(electricity)


@registry.computed(
    code="energy.water_usage",
    label="總用水量",
    label_en="Water consumption",
    unit="度",
    kind="amount",
    division="general-affairs",
    covered=_read_every_month(MeterKind.WATER),
)
def water(period, user):
    """Water used over the period (度 = m³): the sum of the water meters' monthly usage."""
    return _usage(period, user, MeterKind.WATER)


@registry.computed(
    code="energy.rainwater_tonnes",
    label="雨水蒐集再利用量",
    label_en="Rainwater reused",
    unit="噸",
    kind="amount",
    division="city-hall",
    covered=_read_every_month(MeterKind.RAINWATER),
)
def rainwater(period, user):
    """Tonnes of rainwater reused over the period, from the rainwater meter's readings."""
    return _usage(period, user, MeterKind.RAINWATER)


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


@registry.computed(
    code="city_hall.facility_trainings",
    label="服務設施管理系統教育訓練場次",
    label_en="Facility management system training sessions",
    unit="場次",
    kind="count",
    division="city-hall",
    covered=registry.has_records(SafetyTraining, "date"),
)
def facility_trainings(period, user):
    """Facility management system courses held in the period."""
    qs = registry.records_in(SafetyTraining, user, period, "date").filter(facility_system=True)
    return Decimal(qs.count())


@registry.computed(
    code="city_hall.projects_completion_ratio",
    label="市政大樓設施優化工程如期驗收比率",
    label_en="Facility projects accepted on schedule",
    unit="%",
    kind="ratio",
    division="city-hall",
)
def projects_completion_ratio(period, user):
    """Of the tracked projects scheduled for acceptance in the period, the share accepted by
    their scheduled date (None when none was scheduled)."""
    qs = registry.records_in(BuildingProject, user, period, "due_on").filter(listed=True)
    on_time = qs.filter(accepted_on__isnull=False, accepted_on__lte=F("due_on")).count()
    return registry.ratio(on_time, qs.count())


# the building figures computed from the clerks' records (stalls, signage, surveys, budget ...)
from . import indicators_building  # noqa: E402, F401
