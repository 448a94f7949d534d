"""Missing is never zero (a period without its records has no value), and stocks are not summed
over time (a year takes its last half's value)."""

import datetime
from decimal import Decimal

import pytest

from mishu.building.models import Meter, MeterReading
from mishu.building.services.energy import save_reading
from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.properties.models import FuelLog, Vehicle

from .factories import indicator, observe

pytestmark = pytest.mark.django_db

D = datetime.date


def test_fuel_without_logs_is_missing_not_zero():
    ga = division("general-affairs")
    car = Vehicle.objects.create(division=ga, plate="AB-1", type="汽車")
    assert registry.value("energy.vehicle_fuel_litres", "108H2") is None
    assert registry.get("energy.vehicle_fuel_litres").covered("108H2") is False
    FuelLog.objects.create(division=ga, vehicle=car, date=D(2019, 7, 3), litres=Decimal("10.5"))
    assert registry.value("energy.vehicle_fuel_litres", "108H2") == Decimal("10.50")
    assert registry.value("energy.vehicle_fuel_litres", "109H1") is None
    assert registry.computed_value("energy.vehicle_fuel_litres", "109H1") is None


def test_electricity_needs_every_month_read():
    ga = division("general-affairs")
    meter = Meter.objects.create(division=ga, name="總電表", kind="electricity")
    reading = Decimal(1000)
    save_reading(MeterReading(division=ga, meter=meter, month=D(2019, 12, 1), reading=reading))
    for month in range(1, 6):
        reading += 100
        save_reading(
            MeterReading(division=ga, meter=meter, month=D(2020, month, 1), reading=reading)
        )
    # five months of six read: the half-year's use is not known
    assert registry.value("energy.electricity_kwh", "109H1") is None
    assert registry.value("energy.electricity_kwh", "109Q1") == 300
    save_reading(MeterReading(division=ga, meter=meter, month=D(2020, 6, 1), reading=reading + 50))
    assert registry.value("energy.electricity_kwh", "109H1") == 550
    # no water meter read at all
    assert registry.value("energy.water_usage", "109H1") is None


def test_breakdown_of_an_uncovered_period_is_empty():
    bd = registry.breakdown("chronicle.events", "109H1")
    assert bd.rows == [] and bd.total is None


def test_every_computed_indicator_is_missing_on_an_empty_database():
    """No app's records at all: no computed figure may come out as zero."""
    period = Period.parse("109H1")
    zeros = [
        d.code
        for d in registry.all()
        if d.source == "computed" and registry.value(d.code, period) is not None
    ]
    assert zeros == []


def test_stock_takes_the_last_half_flow_sums():
    subscribers = indicator("gazette.subs", stock=True)
    observe(subscribers, "108H1", 4000)
    observe(subscribers, "108H2", 4868)
    issues = indicator("gazette.iss")
    observe(issues, "108H1", 12)
    observe(issues, "108H2", 13)
    assert registry.value("gazette.subs", "108") == 4868
    assert registry.value("gazette.iss", "108") == 25
    assert registry.get("gazette.subs").flow is False and registry.get("gazette.iss").flow
    # a stock whose last part is not known is not known for the year
    observe(subscribers, "109H1", 5000)
    assert registry.value("gazette.subs", "109") is None
    assert registry.value("gazette.subs", "109H1") == 5000


def test_stock_is_declared_in_definitions_csv():
    from mishu.indicators import services

    rows = [
        {
            "code": "x.subs",
            "label": "訂閱戶",
            "division": "confidential",
            "kind": "count",
            "stock": "true",
        },
        {"code": "x.issues", "label": "期數", "division": "confidential", "kind": "count"},
    ]
    services.sync_definitions(rows)
    assert registry.get("x.subs").stock and not registry.get("x.issues").stock


def test_computed_stocks_are_declared():
    assert registry.get("fleet.vehicles").stock
    assert registry.get("dormitory.rooms").stock
    assert not registry.get("energy.vehicle_fuel_litres").stock
