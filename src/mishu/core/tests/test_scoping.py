"""One restricted queryset scopes every list, detail, edit, export and API response by division."""

import datetime

import pytest

from mishu.chronicle.models import Event
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    docs = Event.objects.create(
        division=division("documents"),
        category="training",
        start_date=datetime.date(2019, 11, 5),
        title="檔案管理基礎班",
    )
    media = Event.objects.create(
        division=division("media"),
        category="meeting",
        start_date=datetime.date(2019, 9, 1),
        title="市長與媒體餐敘",
    )
    return docs, media


def test_clerk_lists_only_own_division(make_user, client_for, events):
    docs, media = events
    client = client_for(make_user("media", ["clerk"]))
    page = client.get("/chronicle/events/").content.decode()
    assert media.title in page
    assert docs.title not in page


def test_clerk_cannot_read_or_change_another_divisions_record(make_user, client_for, events):
    docs, _media = events
    client = client_for(make_user("media", ["clerk"]))
    for url in (
        f"/chronicle/events/{docs.pk}/",
        f"/chronicle/events/{docs.pk}/edit/",
        f"/chronicle/events/{docs.pk}/history/",
        f"/chronicle/events/{docs.pk}/delete/",
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(f"/chronicle/events/{docs.pk}/edit/", {"title": "hacked"})
    assert response.status_code == 404
    assert client.post(f"/chronicle/events/{docs.pk}/delete/").status_code == 404
    docs.refresh_from_db()
    assert docs.title == "檔案管理基礎班"


def test_clerk_cannot_create_in_another_division(make_user, client_for):
    client = client_for(make_user("media", ["clerk"]))
    response = client.post(
        "/chronicle/events/add/",
        {
            "division": division("documents").pk,
            "category": "meeting",
            "start_date": "108/9/1",
            "title": "越權新增",
        },
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not Event.objects.filter(title="越權新增").exists()


def test_export_is_scoped(make_user, client_for, events):
    docs, media = events
    client = client_for(make_user("media", ["clerk"]))
    body = client.get("/chronicle/events/?export=csv").getvalue().decode("utf-8-sig")
    assert media.title in body and docs.title not in body


def test_api_is_scoped(make_user, api_for, events):
    docs, media = events
    api = api_for(make_user("media", ["clerk"]))
    titles = [e["title"] for e in api.get("/api/chronicle/events/").json()["results"]]
    assert titles == [media.title]
    assert api.get(f"/api/chronicle/events/{docs.pk}/").status_code == 404
    assert (
        api.patch(f"/api/chronicle/events/{docs.pk}/", {"title": "x"}, format="json").status_code
        == 404
    )
    assert api.delete(f"/api/chronicle/events/{docs.pk}/").status_code == 404
    created = api.post(
        "/api/chronicle/events/",
        {
            "division": division("documents").pk,
            "category": "meeting",
            "start_date": "2019-09-01",
            "title": "越權新增",
        },
        format="json",
    )
    # a division the clerk may not write to is refused like one that does not exist
    assert created.status_code == 400 and "division" in created.json()
    assert not Event.objects.filter(title="越權新增").exists()


def test_evaluator_reads_every_division_but_writes_only_own(make_user, client_for, api_for, events):
    docs, media = events
    evaluator = make_user("general-affairs", ["evaluator"])
    page = client_for(evaluator).get("/chronicle/events/").content.decode()
    assert docs.title in page and media.title in page
    api = api_for(evaluator)
    assert (
        api.patch(f"/api/chronicle/events/{docs.pk}/", {"title": "x"}, format="json").status_code
        == 404
    )


def test_administrator_sees_and_changes_everything(make_user, api_for, events):
    docs, _media = events
    api = api_for(make_user(None, ["admin"]))
    assert len(api.get("/api/chronicle/events/").json()["results"]) == 2
    assert (
        api.patch(f"/api/chronicle/events/{docs.pk}/", {"title": "改"}, format="json").status_code
        == 200
    )


def test_anonymous_gets_nothing(client, events):
    assert client.get("/chronicle/events/").status_code == 302
    from rest_framework.test import APIClient

    assert APIClient().get("/api/chronicle/events/").status_code in (401, 403)


def test_division_home_pages(make_user, client_for):
    client = client_for(make_user("media", ["clerk"]))
    own = client.get("/divisions/media/").content.decode()
    other = client.get("/divisions/documents/").content.decode()
    assert "媒體事務組" in own and 'class="notice"' not in own
    assert 'class="notice"' in other  # only the name, not the records
    assert client.get("/divisions/no-such/").status_code == 404
