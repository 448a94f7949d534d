"""Meter readings, building projects and their list source."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from mishu.building.indicators import electricity
from mishu.building.models import BuildingProject, MaintenanceTask, Meter, MeterReading
from mishu.building.services.energy import save_reading
from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.reports import sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def meter():
    return Meter.objects.create(
        division=division("general-affairs"), name="總表", kind="electricity"
    )


def read(meter, month, value, changed=False):
    return save_reading(
        MeterReading(
            division=meter.division,
            meter=meter,
            month=datetime.date(2019, month, 1),
            reading=Decimal(value),
            meter_changed=changed,
        )
    )


def test_usage_is_the_difference_and_sums_over_the_period(meter):
    read(meter, 6, 1000)
    read(meter, 7, 1500)
    read(meter, 8, 2100)
    assert electricity(Period.parse("108H2"), None) == 1100
    water = Meter.objects.create(division=meter.division, name="水表", kind="water")
    read(water, 6, 10)
    read(water, 7, 25)
    # one month of the six read: the half-year's use is not known (missing, not 15)
    assert registry.value("energy.water_usage", Period.parse("108H2")) is None
    for month, value in zip(range(8, 13), (30, 31, 32, 33, 34), strict=True):
        read(water, month, value)
    assert registry.value("energy.water_usage", Period.parse("108H2")) == 15 + 5 + 4


def test_lower_reading_refused_unless_meter_changed(meter):
    read(meter, 6, 1000)
    with pytest.raises(ValidationError) as exc:
        read(meter, 7, 900)
    assert "reading" in exc.value.message_dict
    assert MeterReading.objects.count() == 1
    read(meter, 7, 300, changed=True)
    assert MeterReading.objects.get(month=datetime.date(2019, 7, 1)).usage == 300


def test_correcting_a_reading_updates_the_next_month(meter):
    read(meter, 6, 1000)
    read(meter, 7, 1500)
    read(meter, 8, 2100)
    june = MeterReading.objects.get(month=datetime.date(2019, 6, 1))
    june.reading = Decimal(1200)
    save_reading(june)
    assert MeterReading.objects.get(month=datetime.date(2019, 7, 1)).usage == 300


def test_project_acceptance_before_completion_refused():
    p = BuildingProject(
        division=division("city-hall"),
        title="X",
        completed_on=datetime.date(2019, 9, 1),
        accepted_on=datetime.date(2019, 8, 1),
    )
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "accepted_on" in exc.value.message_dict


def test_projects_list_source():
    city_hall = division("city-hall")
    BuildingProject.objects.create(
        division=city_hall,
        title="空間活化工程",
        completed_on=datetime.date(2019, 9, 27),
        accepted_on=datetime.date(2019, 11, 29),
    )
    BuildingProject.objects.create(
        division=city_hall, title="加裝隔熱紙", accepted_on=datetime.date(2019, 11, 14)
    )
    BuildingProject.objects.create(
        division=city_hall, title="去年的案子", accepted_on=datetime.date(2018, 11, 14)
    )
    period = Period.parse("108H2")
    source = sources.get("building.projects")
    assert source(period) == [
        "「加裝隔熱紙」於 11 月 14 日驗收合格。",
        "「空間活化工程」全案業於 108年9月27日 竣工，並於 108年11月29日 驗收合格。",
    ]
    assert source(period, completed="yes") == [
        "「空間活化工程」全案業於 108年9月27日 竣工，並於 108年11月29日 驗收合格。"
    ]
    assert source(period, pattern="「{title}」於 {accepted_md}驗收合格", completed="no") == [
        "「加裝隔熱紙」於 11 月 14 日驗收合格"
    ]
    with pytest.raises(ValueError, match="category"):
        source(period, category="project")
    with pytest.raises(ValueError, match="nope"):
        source(period, pattern="{nope}")


def test_overdue_maintenance():
    task = MaintenanceTask(
        division=division("city-hall"),
        system="elevator",
        title="電梯檢查",
        due_on=datetime.date(2019, 8, 31),
    )
    assert task.is_overdue(datetime.date(2019, 9, 1))
    assert not task.is_overdue(datetime.date(2019, 8, 31))
    task.done_on = datetime.date(2019, 9, 2)
    assert not task.is_overdue(datetime.date(2019, 9, 3))


def test_a_meter_with_readings_is_not_deleted_and_the_page_says_why(meter, make_user, client_for):
    read(meter, 6, 1000)
    client = client_for(make_user("general-affairs", ["clerk"]))
    response = client.post(f"/building/meters/{meter.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert "無法刪除" in response.content.decode()
    assert Meter.objects.filter(pk=meter.pk).exists()
