"""The room form dates the status it records: a room entered today that stood vacant or lent
for years is counted by the past periods' `dormitory.rooms` (the status as at each period's
end), and a date that would contradict the history is refused in Chinese."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.properties.models import DormBuilding, Room

pytestmark = pytest.mark.django_db
D = datetime.date


def rooms(period, status=None):
    kwargs = {"status": status} if status else {}
    return registry.value("dormitory.rooms", Period.parse(period), **kwargs)


@pytest.fixture
def page(make_user, client_for):
    ga = division("general-affairs")
    building = DormBuilding.objects.create(division=ga, name="西園")
    client = client_for(make_user("general-affairs", ["clerk"]))

    def post(data, pk=None):
        url = reverse("properties:room_edit", args=[pk]) if pk else reverse("properties:room_add")
        return client.post(url, {"division": ga.pk, "building": building.pk, **data})

    return post


def test_a_room_entered_today_counts_from_the_day_its_status_began(page):
    r = page({"number": "101", "status": "空置", "status_since": "105/1/4"})
    assert r.status_code == 302
    room = Room.objects.get(number="101")
    assert list(room.status_history.values_list("since", "status")) == [(D(2016, 1, 4), "空置")]
    assert rooms("108H2") == Decimal(1) and rooms("108H2", "空置") == Decimal(1)
    assert rooms("104H2") is None  # not yet on record then
    # left empty, the status holds from today, as before
    page({"number": "102", "status": "空置"})
    assert Room.objects.get(number="102").status_on(timezone.localdate()) == "空置"
    assert rooms("108H2") == Decimal(1)


def test_a_new_status_by_the_edit_form_from_its_own_day(page):
    page({"number": "101", "status": "空置", "status_since": "105/1/4"})
    room = Room.objects.get(number="101")
    r = page({"number": "101", "status": "已提供借用", "status_since": "108/3/1"}, pk=room.pk)
    assert r.status_code == 302
    assert rooms("107H2", "空置") == Decimal(1) and rooms("108H1", "已提供借用") == Decimal(1)
    # the same status again with a date: refused, nothing recorded
    r = page({"number": "101", "status": "已提供借用", "status_since": "108/5/1"}, pk=room.pk)
    assert r.status_code == 200 and "只在狀態變更時填寫" in r.content.decode()
    assert room.status_history.count() == 2


def test_dates_that_contradict_the_history_are_refused(page):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    r = page({"number": "101", "status": "空置", "status_since": tomorrow.isoformat()})
    assert r.status_code == 200 and "狀態起始日不得晚於今天" in r.content.decode()
    assert not Room.objects.exists()
    page({"number": "101", "status": "空置", "status_since": "108/1/2"})
    room = Room.objects.get(number="101")
    r = page({"number": "101", "status": "申請配借中", "status_since": "107/12/31"}, pk=room.pk)
    body = r.content.decode()
    assert r.status_code == 200 and "108 年 1 月 2 日" in body and "不得早於" in body
    room.refresh_from_db()
    assert room.status == "空置" and room.status_history.count() == 1
