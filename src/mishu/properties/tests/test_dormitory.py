"""Dormitory allocation, fleet and property indicators."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.properties.models import (
    Allocation,
    Building,
    DormBuilding,
    FuelLog,
    Room,
    Vehicle,
)
from mishu.properties.services import dormitory as service

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def room():
    ga = division("general-affairs")
    building = DormBuilding.objects.create(division=ga, name="西園")
    return Room.objects.create(division=ga, building=building, number="201")


def application(room, applied=None):
    applied = applied or D(2019, 7, 1)
    return Allocation.objects.create(division=room.division, applicant="王小明", applied_on=applied)


def test_allocate_and_move_in_updates_room_and_kpi(room):
    a = application(room)
    service.notify(a, room, D(2019, 7, 5))
    room.refresh_from_db()
    assert room.status == "申請配借中"
    service.move_in(a, D(2019, 7, 11))
    room.refresh_from_db()
    assert room.status == "已提供借用"
    assert a.days == 6
    period = Period.parse("108")
    assert registry.value("dormitory.allocations", period) == 1
    assert registry.value("dormitory.allocation_days_avg", period) == Decimal("6.0")
    assert registry.value("dormitory.rooms", period, status="已提供借用") == 1


def test_move_in_before_application_refused_nothing_written(room):
    a = application(room, applied=D(2019, 7, 10))
    with pytest.raises(ValidationError) as exc:
        service.notify(a, room, D(2019, 7, 5))
    assert "notified_on" in exc.value.message_dict
    a.refresh_from_db()
    room.refresh_from_db()
    assert a.notified_on is None and room.status == "空置"
    service.notify(a, room, D(2019, 7, 12))
    with pytest.raises(ValidationError) as exc:
        service.move_in(a, D(2019, 7, 9))
    assert "moved_in_on" in exc.value.message_dict
    room.refresh_from_db()
    assert room.status == "申請配借中"


def test_room_cannot_be_given_twice(room):
    service.notify(application(room), room, D(2019, 7, 5))
    with pytest.raises(ValidationError) as exc:
        service.notify(application(room), room, D(2019, 7, 6))
    assert "room" in exc.value.message_dict


def test_applicant_is_masked_in_the_log(room):
    from mishu.core.models import ObjectChange

    a = application(room)
    logged = ObjectChange.objects.filter(object_id=str(a.pk)).values_list("changes", flat=True)
    assert "王小明" not in str(list(logged))


def test_fleet_and_fuel():
    ga = division("general-affairs")
    car = Vehicle.objects.create(division=ga, plate="AB-1", type="汽車")
    Vehicle.objects.create(division=ga, plate="AB-2", type="機車")
    Vehicle.objects.create(division=ga, plate="AB-3", type="汽車", retired_on=D(2019, 1, 1))
    FuelLog.objects.create(division=ga, vehicle=car, date=D(2019, 7, 3), litres=Decimal("10.25"))
    FuelLog.objects.create(division=ga, vehicle=car, date=D(2019, 8, 3), litres=Decimal("0.10"))
    FuelLog.objects.create(division=ga, vehicle=car, date=D(2018, 8, 3), litres=Decimal("4"))
    period = Period.parse("108H2")
    assert registry.value("energy.vehicle_fuel_litres", period) == Decimal("10.35")
    assert registry.value("energy.vehicle_fuel_litres", period.previous_year()) == 4
    assert registry.value("fleet.vehicles", period, type="汽車") == 1
    assert registry.breakdown("fleet.vehicles", period).get("機車") == 1
    bad = FuelLog(division=ga, vehicle=car, date=D(2019, 7, 3), litres=Decimal("-1"))
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "litres" in exc.value.message_dict


def test_buildings_counted_at_period_end():
    ga = division("general-affairs")
    Building.objects.create(division=ga, name="A")
    Building.objects.create(division=ga, name="B", disposed_on=D(2019, 10, 1))
    assert registry.value("property.buildings", Period.parse("108H2")) == 1
    assert registry.value("property.buildings", Period.parse("108H1")) == 2
