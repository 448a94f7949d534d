"""總務組's staff pages and API: every list, the allocation steps, division scoping."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from mishu.core.testing import division
from mishu.procurement.registry import CRUDS as PROCUREMENT
from mishu.properties.models import Allocation, DormBuilding, Room
from mishu.properties.registry import CRUDS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def room():
    ga = division("general-affairs")
    return Room.objects.create(
        division=ga, number="201", building=DormBuilding.objects.create(division=ga, name="信義")
    )


def test_every_list_and_add_page_renders(make_user, client_for):
    client = client_for(make_user("general-affairs", ["clerk"]))
    for app, cruds in (("properties", CRUDS), ("procurement", PROCUREMENT)):
        for crud in cruds:
            for suffix in ("list", "add"):
                url = reverse(f"{app}:{crud.name}_{suffix}")
                assert client.get(url).status_code == 200, url
            export = client.get(reverse(f"{app}:{crud.name}_list") + "?export=csv")
            assert export.status_code == 200


def test_allocate_and_move_in_through_the_pages(make_user, client_for, room):
    a = Allocation.objects.create(
        division=room.division, applicant="陳大文", applied_on=datetime.date(2019, 7, 1)
    )
    client = client_for(make_user("general-affairs", ["clerk"]))
    detail = reverse("properties:allocation_detail", args=[a.pk])
    step = reverse("properties:allocation_step", args=[a.pk])
    assert "Allocate a room" in client.get(detail).content.decode()
    client.post(step, {"step": "notify", "room": room.pk, "notified_on": "108/7/5"})
    room.refresh_from_db()
    assert room.status == "申請配借中"
    # a move-in before the notification: refused with the field named, nothing written
    page = client.post(step, {"step": "move_in", "moved_in_on": "108/7/2"}, follow=True)
    assert "cannot be before" in page.content.decode()
    a.refresh_from_db()
    assert a.moved_in_on is None
    client.post(step, {"step": "move_in", "moved_in_on": "108/7/11"})
    a.refresh_from_db()
    room.refresh_from_db()
    assert a.days == 6 and room.status == "已提供借用"


def test_other_division_sees_no_allocation(make_user, client_for, api_for, room):
    a = Allocation.objects.create(
        division=room.division, applicant="陳大文", applied_on=datetime.date(2019, 7, 1)
    )
    client = client_for(make_user("media", ["clerk"]))
    assert client.get(reverse("properties:allocation_detail", args=[a.pk])).status_code == 404
    api = api_for(make_user("media", ["clerk"]))
    assert api.get("/api/properties/allocations/").json()["count"] == 0


def test_api_refuses_move_in_before_application(make_user, api_for, room):
    api = api_for(make_user("general-affairs", ["clerk"]))
    body = {
        "division": room.division.pk,
        "applicant": "x",
        "applied_on": "2019-07-10",
        "room": room.pk,
        "notified_on": "2019-07-12",
        "moved_in_on": "2019-07-01",
        "status": "moved_in",
    }
    response = api.post("/api/properties/allocations/", body, format="json")
    assert response.status_code == 400 and "moved_in_on" in response.json()
    assert not Allocation.objects.exists()
    ok = api.get("/api/procurement/tendercases/?period=108H2")
    assert ok.status_code == 200
