"""The year's chronicle page lists the events a user may see, month by month."""

import datetime

import pytest

from mishu.chronicle.models import Event
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


def test_year_page(make_user, client_for):
    Event.objects.create(
        division=division("international"),
        category="trip",
        title="赴上海出席城市論壇",
        start_date=datetime.date(2019, 7, 2),
        end_date=datetime.date(2019, 7, 5),
    )
    Event.objects.create(
        division=division("media"),
        category="meeting",
        title="媒體餐敘",
        start_date=datetime.date(2019, 9, 1),
    )
    Event.objects.create(
        division=division("international"),
        category="trip",
        title="去年的出訪",
        start_date=datetime.date(2018, 7, 2),
    )
    client = client_for(make_user("international", ["clerk"]))
    page = client.get("/chronicle/year/?year=108").content.decode()
    assert "108年7月2至5日赴上海出席城市論壇" in page
    assert "媒體餐敘" not in page and "去年的出訪" not in page
    bad = client.get("/chronicle/year/?year=108H9")
    assert bad.status_code == 200 and "108H9" in bad.content.decode()
