"""No read is unbounded: the API serves at most its maximum page, and list exports stream."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from mishu.chronicle.models import Event
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    Event.objects.bulk_create(
        Event(
            division=division("documents"),
            category="training",
            start_date=datetime.date(2019, 11, 5),
            title=f"訓練 {i}",
        )
        for i in range(30)
    )


def test_the_api_never_serves_more_than_its_maximum_page(events, make_user, api_for, settings):
    settings.MISHU_API_MAX_PAGE_SIZE = 7
    api = api_for(make_user("documents", ["clerk"]))
    body = api.get("/api/chronicle/events/?limit=1000000").json()
    assert body["count"] == 30 and len(body["results"]) == 7
    assert len(api.get("/api/chronicle/events/").json()["results"]) == 7
    assert len(api.get("/api/chronicle/events/?limit=3").json()["results"]) == 3


def test_list_exports_stream_every_row(events, make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    response = client.get("/chronicle/events/?export=csv")
    assert response.streaming
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert len(rows) == 31 and any("訓練 29" in cell for cell in rows[-1] + rows[1])
    response = client.get("/chronicle/events/?export=xlsx")
    assert response.streaming
    assert "attachment" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.getvalue())).active.max_row == 31


@pytest.mark.parametrize(
    "query, field",
    [
        ("limit=abc", "limit"),
        ("offset=null", "offset"),
        ("limit=-1", "limit"),
        ("offset=1.5", "offset"),
    ],
)
def test_a_page_asked_for_with_no_whole_number_is_refused(make_user, api_for, query, field):
    """DRF would serve the default page for `?limit=abc`: the schema says integer, so a 400."""
    api = api_for(make_user("documents", ["clerk"]))
    response = api.get(f"/api/chronicle/events/?{query}", HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert response.status_code == 400 and "整數" in response.json()[field][0]


def test_a_whole_number_filter_refuses_a_fraction(make_user, api_for):
    api = api_for(make_user("documents", ["admin"], is_superuser=True))
    assert api.get("/api/archives/case-files/?year=108").status_code == 200
    assert api.get("/api/archives/case-files/?year=0.5").status_code == 400


def test_an_empty_typed_filter_is_named_not_dropped(make_user, api_for):
    """`?overdue=` or `?year=` (a boolean, a number sent empty) is a 400 naming the parameter;
    an empty text filter is an empty text, and the staff pages' blank fields still mean 'all'."""
    user = make_user("documents", ["admin"], is_superuser=True)
    api = api_for(user)
    for url, name in (
        ("/api/petitions/cases/?overdue=", "overdue"),
        ("/api/archives/case-files/?year=", "year"),
    ):
        response = api.get(url)
        assert response.status_code == 400 and name in response.json(), url
        assert "省略此參數" in response.json()[name][0]
    assert api.get("/api/petitions/cases/?overdue=true").status_code == 200
    assert api.get("/api/archives/case-files/?year=108").status_code == 200
