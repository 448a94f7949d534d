"""Query-count baselines: a list page costs the same whether it shows 5 records or 50."""

import datetime

import pytest

from mishu.chronicle.models import Event
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


def make_events(n):
    d = division("international")
    Event.objects.bulk_create(
        Event(
            division=d,
            category="visit",
            title=f"來訪 {i}",
            start_date=datetime.date(2019, 7, 1),
            persons=i,
        )
        for i in range(n)
    )


@pytest.mark.parametrize("url", ["/chronicle/events/", "/api/chronicle/events/"])
def test_list_query_count_does_not_grow_with_rows(
    url, make_user, client_for, django_assert_max_num_queries
):
    client = client_for(make_user("international", ["clerk"]))
    make_events(5)
    client.get(url)  # warm caches (content types, sessions)
    with django_assert_max_num_queries(12) as few:
        assert client.get(url).status_code == 200
    make_events(45)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
