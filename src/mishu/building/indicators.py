"""What the building's records feed the report: energy use from the meter readings (a reading
counts in the month it reads), safety trainings, projects accepted on schedule, and the figures
of 公管中心's building work computed from the records its clerks enter: the stall call of
市府生活廣場, equipment replacements, e-signage requests, the south air-conditioning renewal,
LED and EMS energy work, the staff satisfaction survey and the upkeep budget.

Each figure counts its records by one date, stated in its docstring, and is missing (not zero)
for a period without any of those records. Energy use is missing unless every month of the
period is read.
"""

from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from mishu.indicators import registry

from .models import (
    BuildingProject,
    EmsInstallation,
    EnergyProject,
    EquipmentReplacement,
    MeterReading,
    ProjectProgress,
    SafetyTraining,
    SignageRequest,
    StallApplication,
    StallCall,
    SurveyResponse,
    UpkeepBudget,
)
from .models.building import Equipment
from .models.energy import Measure, MeterKind
from .models.upkeep import ReportedProject

CITY_HALL = "city-hall"


def _sum(qs, field) -> Decimal:
    # SQLite sums decimals as floats: back through their text, whole numbers here
    return Decimal(str(qs.aggregate(v=Sum(field))["v"] or 0)).quantize(Decimal(1))


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


@registry.computed(
    code="city_hall.market_stalls",
    label="市府生活廣場臨時攤位",
    label_en="Temporary market stalls",
    unit="個",
    kind="count",
    division=CITY_HALL,
    covered=registry.has_records(StallCall, "closes_on"),
)
def market_stalls(period, user):
    """Stalls offered by the stall calls whose exhibition ends in the period."""
    return _sum(registry.records_in(StallCall, user, period, "closes_on"), "stalls")


@registry.computed(
    code="city_hall.market_vendors",
    label="臨時攤位合格廠商",
    label_en="Qualified stall vendors",
    unit="家",
    kind="count",
    division=CITY_HALL,
    covered=registry.has_records(StallCall, "closes_on"),
)
def market_vendors(period, user):
    """Qualified applications to the stall calls whose exhibition ends in the period."""
    qs = registry.records_in(StallApplication, user, period, "call__closes_on")
    return Decimal(qs.filter(qualified=True).count())


@registry.computed(
    code="city_hall.air_breakers_replaced",
    label="電力主機房空氣斷路器更新台數",
    label_en="Air circuit breakers replaced",
    unit="台",
    kind="count",
    division=CITY_HALL,
    covered=registry.has_records(EquipmentReplacement, "completed_on"),
)
def air_breakers_replaced(period, user):
    """Air circuit breakers replaced, by the replacements completed in the period."""
    qs = registry.records_in(EquipmentReplacement, user, period, "completed_on")
    return _sum(qs.filter(equipment=Equipment.AIR_BREAKER), "quantity")


@registry.computed(
    code="city_hall.signage_requests",
    label="電梯電子看板登載申請",
    label_en="Lift e-signage requests",
    unit="件",
    kind="count",
    division=CITY_HALL,
    covered=registry.has_records(SignageRequest, "received_on"),
)
def signage_requests(period, user):
    """E-signage requests received in the period."""
    return Decimal(registry.records_in(SignageRequest, user, period, "received_on").count())


def _south_ac(period, user):
    return registry.records_in(ProjectProgress, user, period, "reported_on").filter(
        project__reported_as=ReportedProject.SOUTH_AC
    )


@registry.computed(
    code="city_hall.south_ac_progress",
    label="南區空調更新工程進度",
    label_en="South air-conditioning renewal progress",
    unit="%",
    kind="ratio",
    division=CITY_HALL,
)
def south_ac_progress(period, user):
    """The progress of the project reported as the south air-conditioning renewal, by its last
    progress report in the period (None without one)."""
    last = _south_ac(period, user).order_by("-reported_on", "-pk").first()
    return None if last is None else (last.percent / 100).quantize(registry.RATIO_PLACES)


@registry.computed(
    code="energy.south_ac_saving_kwh",
    label="南區空調更新節電效益",
    label_en="Savings from south air-conditioning renewal",
    unit="度",
    kind="amount",
    division=CITY_HALL,
    covered=lambda period, user: _south_ac(period, user).exists(),
)
def south_ac_saving_kwh(period, user):
    """kWh saved by the south air-conditioning renewal: the sum of its progress reports' savings
    in the period."""
    return _sum(_south_ac(period, user), "saving_kwh")


@registry.computed(
    code="energy.led_saving_kwh",
    label="LED 燈管汰換估算年節電量",
    label_en="Estimated yearly savings from LED tubes",
    unit="度",
    kind="amount",
    division=CITY_HALL,
    covered=registry.has_records(EnergyProject, "completed_on"),
)
def led_saving_kwh(period, user):
    """The estimated yearly saving of the LED lighting projects completed in the period."""
    qs = registry.records_in(EnergyProject, user, period, "completed_on")
    return _sum(qs.filter(measure=Measure.LIGHTING), "yearly_saving_kwh")


@registry.computed(
    code="energy.ems_buildings",
    label="智慧電網能源管理建置機關大樓",
    label_en="Buildings fitted with EMS and cloud system",
    unit="棟",
    kind="count",
    division=CITY_HALL,
    covered=registry.has_records(EmsInstallation, "completed_on"),
)
def ems_buildings(period, user):
    """Agency buildings whose EMS and cloud installation was completed in the period."""
    return Decimal(registry.records_in(EmsInstallation, user, period, "completed_on").count())


@registry.computed(
    code="city_hall.facility_satisfaction",
    label="員工對市政大樓服務設施滿意度",
    label_en="Staff satisfaction with City Hall facilities",
    unit="%",
    kind="ratio",
    division=CITY_HALL,
)
def facility_satisfaction(period, user):
    """Satisfied over valid responses (those with a score) of the surveys closing in the
    period; satisfied is a score at or above the survey's `satisfied_from`."""
    qs = registry.records_in(SurveyResponse, user, period, "survey__closes_on")
    counts = qs.filter(score__isnull=False).aggregate(
        valid=Count("pk"), satisfied=Count("pk", filter=Q(score__gte=F("survey__satisfied_from")))
    )
    return registry.ratio(counts["satisfied"], counts["valid"])


@registry.computed(
    code="city_hall.maintenance_execution_ratio",
    label="市政大樓修繕養護預算執行率",
    label_en="City Hall maintenance budget execution rate",
    unit="%",
    kind="ratio",
    division=CITY_HALL,
)
def maintenance_execution_ratio(period, user):
    """Executed over budget of the upkeep budget lines of the period's years (None without a
    budget)."""
    qs = registry.records(UpkeepBudget, user).filter(
        year__range=(period.start.year, period.end.year)
    )
    return registry.ratio(_sum(qs, "executed"), _sum(qs, "budget"))
