"""The demo records reproduce the seed report's figures for 108H2 (and 107H2, year 108)."""

from decimal import Decimal

import pytest

from mishu.building import demo as building_demo
from mishu.building.indicators import electricity
from mishu.core.formats import Period
from mishu.indicators import registry
from mishu.procurement import demo as procurement_demo
from mishu.properties import demo as properties_demo
from mishu.venues import demo as venues_demo

pytestmark = pytest.mark.django_db

H2, PREV, YEAR = Period.parse("108H2"), Period.parse("107H2"), Period.parse("108")
FIGURES = [
    ("energy.water_usage", H2, {}, 84975),
    ("energy.water_usage", PREV, {}, 85862),
    ("energy.vehicle_fuel_litres", H2, {}, Decimal("9858.09")),
    ("energy.vehicle_fuel_litres", PREV, {}, Decimal("9658.09")),
    ("energy.rainwater_tonnes", H2, {}, 63),
    ("procurement.awarded_cases", H2, {}, 8),
    ("procurement.awarded_amount", H2, {}, 5346870),
    ("fleet.vehicles", H2, {"type": "汽車"}, 11),
    ("fleet.vehicles", H2, {"type": "機車"}, 1),
    ("property.buildings", H2, {}, 12),
    ("property.land_parcels", H2, {}, 5),
    ("dormitory.rooms", H2, {"status": "已提供借用"}, 118),
    ("dormitory.rooms", H2, {"status": "申請配借中"}, 5),
    ("dormitory.rooms", H2, {}, 123),
    ("dormitory.allocations", YEAR, {}, 56),
    ("dormitory.allocation_days_avg", YEAR, {}, Decimal("6.6")),
    ("dormitory.inspection_forms", YEAR, {}, 223),
    ("dormitory.info_emails", YEAR, {}, 23),
    ("dormitory.maintenance_budget", YEAR, {}, 3680542),
    ("dormitory.maintenance_items", YEAR, {}, 57),
    ("dormitory.maintenance_execution_ratio", YEAR, {}, 1),
    ("city_hall.venue_bookings", H2, {"venue": "1 樓中庭"}, 66),
    ("city_hall.venue_bookings", H2, {"venue": "市民廣場"}, 15),
    ("city_hall.venue_bookings", H2, {"venue": "其他周邊場地"}, 12),
    ("city_hall.venue_fees", H2, {}, 279500),
    ("city_hall.stage_setups", H2, {}, 47),
    ("city_hall.av_loans", H2, {}, 40),
    ("city_hall.stage_savings", H2, {}, 1540000),
    ("city_hall.facility_trainings", YEAR, {}, 9),
    ("city_hall.projects_completion_ratio", YEAR, {}, 1),
]


def test_demo_reproduces_the_seed_figures():
    for module in (venues_demo, building_demo, properties_demo, procurement_demo):
        module.load()
        module.load()  # idempotent: a second run changes nothing
    wrong = []
    for code, period, cell, expected in FIGURES:
        if registry.get(code).source != "computed":
            wrong.append(f"{code} is not computed")
        value = registry.value(code, period, **cell)
        if value != expected:
            wrong.append(f"{code} {period.code} {cell}: {value} != {expected}")
    assert electricity(H2, None) == 11519200
    assert electricity(PREV, None) == 11663200
    assert not wrong, "\n".join(wrong)
