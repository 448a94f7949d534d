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
