"""The tally screen, its corrections (logged), the record pages and the API."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mishu.consultations.models import CounterContact
from mishu.core.models import ObjectChange

pytestmark = pytest.mark.django_db


def test_tally_counts_one_row_per_click_and_undo_is_logged(make_user, client_for):
    clerk = make_user("citizen-services", ["clerk"])
    client = client_for(clerk)
    url = reverse("consultations:tally")
    for _ in range(3):
        client.post(url, {"category": "civil"})
    client.post(url, {"category": "transport"})
    assert CounterContact.objects.filter(category="civil").count() == 3
    r = client.post(url, {"category": "civil", "undo": "on"}, follow=True)
    assert r.status_code == 200
    assert CounterContact.objects.filter(category="civil").count() == 2
    assert ObjectChange.objects.filter(
        action="delete", content_type__model="countercontact", user=clerk
    ).exists()
    page = client.get(url)
    assert page.context["total"] == 3
    r = client.post(url, {"category": "nonsense"}, follow=True)
    assert r.status_code == 200 and CounterContact.objects.count() == 3


def test_other_division_cannot_undo_and_reads_nothing(make_user, client_for):
    mine = client_for(make_user("citizen-services", ["clerk"]))
    mine.post(reverse("consultations:tally"), {"category": "civil"})
    other = client_for(make_user("media", ["clerk"]))
    other.post(reverse("consultations:tally"), {"category": "civil", "undo": "on"})
    assert CounterContact.objects.filter(division__code="citizen-services").count() == 1
    r = other.get(reverse("consultations:countercontact_list"))
    assert r.status_code == 200 and len(r.context["rows"]) == 0


@pytest.mark.parametrize(
    "name",
    [
        "countercontact",
        "coordinatedpetition",
        "professionalconsultation",
        "volunteerservice",
        "nursingroom",
        "nursingroomuse",
    ],
)
def test_record_pages_and_exports(make_user, client_for, name):
    from mishu.consultations import demo

    demo.load()
    client = client_for(make_user("citizen-services", ["clerk"]))
    url = reverse(f"consultations:{name}_list")
    assert client.get(url).status_code == 200
    assert client.get(url + "?export=xlsx").status_code == 200
    assert client.get(reverse(f"consultations:{name}_add")).status_code == 200


def test_entering_a_monthly_figure_and_bad_input(make_user, client_for):
    user = make_user("citizen-services", ["clerk"])
    client = client_for(user)
    url = reverse("consultations:professionalconsultation_add")
    r = client.post(url, {"division": user.division_id, "date": "108/07/05", "field": "legal"})
    assert r.status_code == 200 and "count" in r.context["form"].errors
    r = client.post(
        url,
        {"division": user.division_id, "date": "108/07/05", "field": "legal", "count": 12},
    )
    assert r.status_code == 302


def test_api(make_user, api_for):
    user = make_user("citizen-services", ["clerk"])
    api = api_for(user)
    r = api.post(
        "/api/consultations/counter-contacts/",
        {"division": user.division_id, "date": str(timezone.localdate()), "category": "civil"},
        format="json",
    )
    assert r.status_code == 201, r.content
    assert api.get("/api/consultations/counter-contacts/?category=civil").json()["count"] == 1
    r = api_for(make_user("media", ["clerk"])).post(
        "/api/consultations/counter-contacts/",
        {"division": user.division_id, "date": "2019-07-01", "category": "civil"},
        format="json",
    )
    # another division is refused like one that does not exist
    assert r.status_code == 400 and "division" in r.json()


@pytest.mark.parametrize("code", ["confidential", "citizen-services"])
def test_division_home_lists_the_modules(make_user, client_for, code):
    client = client_for(make_user(code, ["clerk"]))
    r = client.get(reverse("division", args=[code]))
    assert r.status_code == 200
    expected = "/petitions/cases/" if code == "confidential" else "/consultations/tally/"
    assert expected in r.content.decode()


def test_api_refuses_a_room_of_another_division(make_user, api_for):
    from mishu.consultations.models import NursingRoom, NursingRoomUse
    from mishu.core.testing import division

    other = NursingRoom.objects.create(
        division=division("city-hall"), name="別組的哺集乳室", opened_on="2019-01-01"
    )
    api = api_for(make_user("citizen-services", ["clerk"]))
    response = api.post(
        "/api/consultations/nursing-room-uses/",
        {
            "division": division("citizen-services").pk,
            "room": other.pk,
            "date": "2019-07-01",
            "count": 3,
        },
        format="json",
    )
    assert response.status_code == 400 and "room" in response.json()
    assert not NursingRoomUse.objects.exists()


def test_statistics_page_charts_contacts_per_category_and_month(make_user, client_for):
    import datetime

    from mishu.core.models import Division

    clerk = make_user("citizen-services", ["clerk"])
    unit = Division.objects.get(code="citizen-services")
    for day, category, count in ((1, "civil", 2), (2, "civil", 1), (3, "transport", 4)):
        CounterContact.objects.create(
            division=unit,
            created_by=clerk,
            date=datetime.date(2019, 8, day),
            category=category,
            count=count,
        )
    client = client_for(clerk)
    r = client.get(reverse("consultations:statistics"))  # opens on 108H2, the half with records
    assert r.status_code == 200 and r.context["period"].code == "108H2"
    assert r.context["period_is_latest_with_records"]
    assert sorted(f for _l, f in r.context["category_chart"].rows) == ["3人次", "4人次"]
    months = [f for _l, f in r.context["month_chart"].rows]
    assert months == ["0人次", "7人次", "0人次", "0人次", "0人次", "0人次"]
    bad = client.get(reverse("consultations:statistics"), {"period": "108H9"})
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()
