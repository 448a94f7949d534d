"""The public side: filing, look-up, abuse guards, escaping, Open311."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from mishu.core.testing import post_public_form
from mishu.petitions.models import PetitionCase

from .factories import agency, file_case

pytestmark = pytest.mark.django_db
FORM = {
    "name": "王小明",
    "phone": "0912-345-678",
    "email": "",
    "address": "臺北市信義區市府路1號",
    "subject": "<script>alert(1)</script>路燈",
    "body": "路燈不亮",
    "website": "",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _file(client, **changes):
    return post_public_form(client, reverse("petitions:public_file"), {**FORM, **changes})


def test_citizen_files_and_looks_up_with_number_and_password(client):
    r = _file(client)
    assert r.status_code == 200 and r.redirect_chain[-1][0] == reverse("petitions:public_received")
    number, password = r.context["number"], r.context["password"]
    case = PetitionCase.objects.get(number=number)
    assert case.channel == "web" and case.password_hash and password not in case.password_hash
    r = client.post(reverse("petitions:public_lookup"), {"number": number, "password": password})
    body = r.content.decode()
    assert r.status_code == 200 and "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body and "王小明" not in body


def test_unknown_number_and_wrong_password_get_the_same_answer(client):
    number = _file(client).context["number"]
    url = reverse("petitions:public_lookup")
    wrong = client.post(url, {"number": number, "password": "WRONG123"})
    unknown = client.post(url, {"number": "P999999999", "password": "WRONG123"})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.context["error"] == unknown.context["error"]


def test_bad_input_keeps_what_was_typed(client):
    r = _file(client, name="", subject="x" * 201)
    assert r.status_code == 400
    body = r.content.decode()
    assert "路燈不亮" in body and "0912-345-678" in body
    assert set(r.context["form"].errors) == {"name", "subject"}
    assert not PetitionCase.objects.exists()


def test_honeypot_stores_nothing(client):
    r = _file(client, website="http://spam.example")
    assert r.status_code == 200 and not PetitionCase.objects.exists()


@override_settings(MISHU={"PUBLIC_RATE_LIMITS": {"file": (2, 60), "lookup": (2, 60)}})
def test_rate_limited(client):
    assert _file(client).status_code == 200
    assert _file(client).status_code == 200
    assert _file(client).status_code == 429
    assert PetitionCase.objects.count() == 2


def test_open311_serves_cases_without_personal_data(client):
    case = file_case()
    from mishu.petitions.services import act

    act(case, "assigned", agency=agency())
    services = client.get("/open311/v2/services.json").json()
    assert any(s["service_name"] == "都發局" for s in services)
    reqs = client.get("/open311/v2/requests.json?start_date=2019-06-01&end_date=2019-12-31").json()
    assert [r["service_request_id"] for r in reqs] == [case.number]
    one = client.get(f"/open311/v2/requests/{case.number}.json")
    assert one.status_code == 200 and one.json()[0]["status"] == "open"
    text = one.content.decode()
    assert "王小明" not in text and "0912" not in text and "市府路" not in text
    assert client.get("/open311/v2/requests/P0.json").status_code == 404
    assert client.get("/open311/v2/requests.json?start_date=bad").status_code == 400
    assert client.get("/open311/v2/services.xml").status_code == 400


def test_open311_publishes_only_an_approved_summary(client, make_user):
    from mishu.petitions.services import approve_public_summary

    case = file_case(subject="王小明 0912-345-678 反映路燈", body="詳細內容")
    url = f"/open311/v2/requests/{case.number}.json"
    published = client.get(url).json()[0]
    assert published["description"] == ""
    text = (
        client.get(url).content.decode()
        + client.get(
            "/open311/v2/requests.json?start_date=2019-06-01&end_date=2019-12-31"
        ).content.decode()
    )
    assert "王小明" not in text and "0912" not in text and "詳細內容" not in text
    clerk = make_user("confidential", ["clerk"])
    client.force_login(clerk)
    response = client.post(
        f"/petitions/cases/{case.pk}/public-summary/", {"public_summary": "信義區路燈故障"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.public_summary_approved_by == clerk
    assert client.get(url).json()[0]["description"] == "信義區路燈故障"
    approve_public_summary(case, clerk, "")  # withdrawn: nothing again
    assert client.get(url).json()[0]["description"] == ""
    other = make_user("media", ["clerk"])
    client.force_login(other)
    refused = client.post(f"/petitions/cases/{case.pk}/public-summary/", {"public_summary": "x"})
    assert refused.status_code == 404


def test_open311_is_rate_limited_per_address(client, settings):
    settings.MISHU = {**settings.MISHU, "PUBLIC_RATE_LIMITS": {"open311": (3, 60)}}
    answers = [client.get("/open311/v2/services.json").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    other = client.get("/open311/v2/services.json", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200
