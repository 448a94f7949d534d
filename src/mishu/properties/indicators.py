"""What 總務組's records feed the report: fleet, fuel, city-owned property, dormitories.

Stocks (vehicles, buildings, parcels) are counted as they stand at the period's end; events
(fuel, allocations, inspections, mailings) in the period in which they happen. A figure is
missing, not zero, for a period without the records it counts (no fuel log, no register). Room status is
each room's status at the period's end by its dated history (the report states it "迄本期末"),
so a later change does not alter a past period's figure.
"""

from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery, Sum

from mishu.indicators import registry

from .models import (
    Allocation,
    Building,
    DormInspection,
    DormMailing,
    FuelLog,
    LandParcel,
    RepairItem,
    Room,
    RoomStatusChange,
    Vehicle,
)
from .models.dormitory import RoomStatus
from .models.fleet import VehicleType

GA = "general-affairs"


def to_cents(v) -> Decimal:
    """A database sum as an exact Decimal of two places (SQLite returns floats)."""
    return Decimal(str(v or 0)).quantize(Decimal("0.01"))


def _standing(model, period, user):
    """Records acquired by the period's end and not disposed of (or retired) by then."""
    end_field = "retired_on" if model is Vehicle else "disposed_on"
    return registry.records(model, user).filter(
        Q(acquired_on__isnull=True) | Q(acquired_on__lte=period.end),
        Q(**{f"{end_field}__isnull": True}) | Q(**{f"{end_field}__gt": period.end}),
    )


@registry.computed(
    code="energy.vehicle_fuel_litres",
    label="公務車輛汽、柴油使用量",
    label_en="Official vehicle fuel consumption",
    unit="公升",
    kind="amount",
    division=GA,
    covered=registry.has_records(FuelLog, "date"),
)
def fuel_litres(period, user):
    """Litres of gasoline and diesel put into official vehicles in the period."""
    qs = registry.records_in(FuelLog, user, period, "date")
    # SQLite sums decimals as floats: back to the field's two places
    return to_cents(qs.aggregate(v=Sum("litres"))["v"])


@registry.computed(
    code="fleet.vehicles",
    label="現有公務車輛",
    label_en="Official vehicles in service",
    unit="輛",
    dimensions=("type",),
    kind="count",
    division=GA,
    covered=registry.has_records(Vehicle),
    stock=True,
)
def vehicles(period, user, type=None):
    """Vehicles in service at the period's end; `type` is 汽車 or 機車."""
    qs = _standing(Vehicle, period, user)
    return Decimal((qs.filter(type=type) if type else qs).count())


@vehicles.breakdown
def vehicles_by_type(period, user):
    rows = dict(
        _standing(Vehicle, period, user).order_by().values_list("type").annotate(n=Count("pk"))
    )
    return {t: Decimal(rows[t]) for t in VehicleType.values if t in rows}


@registry.computed(
    code="property.buildings",
    label="經管市有建物",
    label_en="City-owned buildings managed",
    unit="筆",
    kind="count",
    division=GA,
    covered=registry.has_records(Building),
    stock=True,
)
def buildings(period, user):
    """City-owned buildings managed at the period's end."""
    return Decimal(_standing(Building, period, user).count())


@registry.computed(
    code="property.land_parcels",
    label="經管市有土地",
    label_en="City-owned land parcels managed",
    unit="筆",
    kind="count",
    division=GA,
    covered=registry.has_records(LandParcel),
    stock=True,
)
def land_parcels(period, user):
    """City-owned land parcels managed at the period's end."""
    return Decimal(_standing(LandParcel, period, user).count())


@registry.computed(
    code="dormitory.family_units",
    label="符合續住規定眷舍",
    label_en="Family quarters eligible for continued residence",
    unit="筆",
    kind="count",
    division=GA,
    covered=registry.has_records(Building),
    stock=True,
)
def family_units(period, user):
    """City-owned buildings managed at the period's end that are family quarters meeting the
    continued-residence rules."""
    return Decimal(_standing(Building, period, user).filter(continued_residence=True).count())


def _rooms_at(period, user):
    """The rooms with the status each had at the period's end (`status_then`); rooms not yet
    recorded by then are left out."""
    latest = (
        RoomStatusChange.objects.filter(room=OuterRef("pk"), since__lte=period.end)
        .order_by("-since", "-pk")
        .values("status")[:1]
    )
    return (
        registry.records(Room, user)
        .annotate(status_then=Subquery(latest))
        .filter(status_then__isnull=False)
    )


@registry.computed(
    code="dormitory.rooms",
    label="西園、信義單房間職務宿舍",
    label_en="Single-room staff dormitory rooms",
    unit="間",
    dimensions=("status",),
    kind="count",
    division=GA,
    covered=lambda period, user: _rooms_at(period, user).exists(),
    stock=True,
)
def rooms(period, user, status=None):
    """Dormitory rooms at the period's end, by their status then (已提供借用, 申請配借中, 空置)."""
    qs = _rooms_at(period, user)
    return Decimal((qs.filter(status_then=status) if status else qs).count())


@rooms.breakdown
def rooms_by_status(period, user):
    rows = dict(
        _rooms_at(period, user).order_by().values_list("status_then").annotate(n=Count("pk"))
    )
    return {s: Decimal(rows[s]) for s in RoomStatus.values if s in rows}


def _allocations_kept(period, user) -> bool:
    """Whether the allocation register has entries for the period (an application or a
    move-in in it): without them the period's allocations are unknown, not none."""
    return (
        registry.records(Allocation, user)
        .filter(
            Q(applied_on__range=(period.start, period.end))
            | Q(moved_in_on__range=(period.start, period.end))
        )
        .exists()
    )


def _moved_in(period, user):
    return registry.records_in(Allocation, user, period, "moved_in_on").filter(
        notified_on__isnull=False
    )


@registry.computed(
    code="dormitory.allocations",
    label="職舍配住件數",
    label_en="Dormitory allocations",
    unit="件",
    kind="count",
    division=GA,
    covered=_allocations_kept,
)
def allocations(period, user):
    """Allocations whose notarised move-in falls in the period."""
    return Decimal(_moved_in(period, user).count())


@registry.computed(
    code="dormitory.allocation_days_avg",
    label="職舍配住平均處理天數",
    label_en="Average days from notice to move-in",
    unit="日",
    kind="average",
    division=GA,
)
def allocation_days_avg(period, user):
    """Mean days from notification to notarised move-in over the period's allocations, to one
    decimal as the KPI states it; None when there were none."""
    days = [a.days for a in _moved_in(period, user).only("notified_on", "moved_in_on")]
    if not days:
        return None
    return (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1"))


def _count(model, code, label, label_en, unit, doc):
    @registry.computed(
        code=code,
        label=label,
        label_en=label_en,
        unit=unit,
        kind="count",
        division=GA,
        covered=registry.has_records(model, "date"),
    )
    def fn(period, user):
        qs = registry.records_in(model, user, period, "date")
        return Decimal(qs.count())

    fn.__doc__ = doc
    return fn


inspection_forms = _count(
    DormInspection,
    "dormitory.inspection_forms",
    "環境巡檢表填報次數",
    "Environment inspection forms filed",
    "次",
    "Inspection forms filed in the period.",
)
info_emails = _count(
    DormMailing,
    "dormitory.info_emails",
    "職舍資訊電子信件發送次數",
    "Dormitory information e-mails sent",
    "次",
    "Information e-mails sent in the period.",
)


def _repairs(period, user):
    # repair items are budgeted per year: a period takes the items of the years it spans
    return registry.records(RepairItem, user).filter(
        year__range=(period.start.year, period.end.year)
    )


def _repairs_budgeted(period, user) -> bool:
    return _repairs(period, user).exists()


@registry.computed(
    code="dormitory.maintenance_budget",
    label="職舍修繕及養護預算",
    label_en="Dormitory repair and maintenance budget",
    unit="元",
    kind="amount",
    division=GA,
    covered=_repairs_budgeted,
)
def maintenance_budget(period, user):
    """The budget of the repair and upkeep items of the period's years."""
    return Decimal(_repairs(period, user).aggregate(v=Sum("budget"))["v"] or 0)


@registry.computed(
    code="dormitory.maintenance_items",
    label="職舍修繕及養護項數",
    label_en="Dormitory repair and maintenance items",
    unit="項",
    kind="count",
    division=GA,
    covered=_repairs_budgeted,
)
def maintenance_items(period, user):
    """The number of repair and upkeep items of the period's years."""
    return Decimal(_repairs(period, user).count())


@registry.computed(
    code="dormitory.maintenance_execution_ratio",
    label="職舍修繕養護預算執行率",
    label_en="Dormitory maintenance budget execution rate",
    unit="%",
    kind="ratio",
    division=GA,
)
def maintenance_execution_ratio(period, user):
    """Spent over budget for the period's repair items (None without a budget)."""
    totals = _repairs(period, user).aggregate(b=Sum("budget"), s=Sum("spent"))
    return registry.ratio(totals["s"] or 0, totals["b"])
