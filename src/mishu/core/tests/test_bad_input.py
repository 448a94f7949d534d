"""Malformed dates, periods and numbers get a clear message naming the field — never a 500."""

import pytest

from mishu.chronicle.models import Event
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


def post_event(client, **overrides):
    data = {
        "division": division("documents").pk,
        "category": "training",
        "start_date": "108/11/5",
        "title": "檔案管理基礎班",
    }
    data.update(overrides)
    return client.post("/chronicle/events/add/", data)


def test_malformed_date_in_form(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    response = post_event(client, start_date="108/13/40")
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "108/13/40" in page and "108 年 7 月 1 日" in page
    )  # names the value and the expected form
    assert not Event.objects.exists()


def test_malformed_period_in_filter(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    response = client.get("/chronicle/events/?period=108H3")
    assert response.status_code == 200
    assert "108H3" in response.content.decode()


def test_malformed_number_and_dates_in_api(make_user, api_for):
    api = api_for(make_user("documents", ["clerk"]))
    base = {"division": division("documents").pk, "category": "meeting", "title": "x"}
    response = api.post(
        "/api/chronicle/events/", {**base, "start_date": "2019-02-30"}, format="json"
    )
    assert response.status_code == 400 and "start_date" in response.json()
    response = api.post(
        "/api/chronicle/events/",
        {**base, "start_date": "2019-02-01", "persons": "many"},
        format="json",
    )
    assert response.status_code == 400 and "persons" in response.json()
    response = api.post(
        "/api/chronicle/events/",
        {**base, "start_date": "2019-02-01", "end_date": "2019-01-01"},
        format="json",
    )
    assert response.status_code == 400 and "end_date" in response.json()
    response = api.get("/api/chronicle/events/?period=abc")
    assert response.status_code == 400 and "period" in response.json()


def test_english_messages_when_english_is_chosen(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    client.cookies["django_language"] = "en"
    page = post_event(client, start_date="garbage").content.decode()
    assert "garbage" in page and "date" in page.lower()
