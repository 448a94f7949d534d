"""Every list (core.views.generic.ObjectListView): sortable columns, page numbers, filter counts."""

import datetime

import pytest
from django.urls import reverse

from mishu.consultations.models import CounterContact
from mishu.core.tables import column_label
from mishu.core.testing import division

pytestmark = pytest.mark.django_db

URL = "consultations:countercontact_list"


@pytest.fixture
def clerk_client(make_user, client_for):
    clerk = make_user("citizen-services", ["clerk"])
    return client_for(clerk), clerk


def _contacts(clerk, spec):
    unit = division("citizen-services")
    for i, (category, count) in enumerate(spec):
        CounterContact.objects.create(
            division=unit,
            created_by=clerk,
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
            category=category,
            count=count,
        )


def test_a_header_sorts_ascending_then_descending(clerk_client):
    client, clerk = clerk_client
    _contacts(clerk, [("civil", 5), ("transport", 2), ("civil", 9)])
    page = client.get(reverse(URL))
    count_header = next(h for h in page.context["headers"] if h["url"] and "count" in h["url"])
    assert count_header["aria_sort"] is None and count_header["url"].endswith("sort=count")

    up = client.get(reverse(URL) + "?sort=count")
    assert [cells[2] for _o, cells in up.context["rows"]] == ["2", "5", "9"]
    html = up.content.decode()
    assert 'aria-sort="ascending"' in html
    header = next(h for h in up.context["headers"] if h["aria_sort"])
    assert header["url"].endswith("sort=-count")  # a second click sorts the other way

    down = client.get(reverse(URL) + "?sort=-count")
    assert [cells[2] for _o, cells in down.context["rows"]] == ["9", "5", "2"]
    assert 'aria-sort="descending"' in down.content.decode()


@pytest.mark.parametrize("key", ["password", "created_by__password", "-id;drop", "__str__", "?"])
def test_an_unknown_sort_key_is_ignored(clerk_client, key):
    client, clerk = clerk_client
    _contacts(clerk, [("civil", 5), ("transport", 2)])
    r = client.get(reverse(URL), {"sort": key})
    assert r.status_code == 200
    assert len(r.context["rows"]) == 2
    assert "aria-sort" not in r.content.decode()


def test_sort_is_kept_in_the_export_and_page_links(clerk_client):
    client, clerk = clerk_client
    _contacts(clerk, [("civil", n) for n in range(1, 56)])
    r = client.get(reverse(URL) + "?sort=-count")
    html = r.content.decode()
    assert "sort=-count&amp;page=2" in html
    assert "sort=-count&amp;export=csv" in html
    csv = b"".join(client.get(reverse(URL) + "?sort=count&export=csv").streaming_content)
    header, *lines = [line.split(",") for line in csv.decode("utf-8-sig").splitlines()]
    at = header.index(column_label(CounterContact, "count"))
    counts = [line[at] for line in lines]
    assert counts[:3] == ["1", "2", "3"]


def test_page_numbers_and_the_range_shown(clerk_client):
    client, clerk = clerk_client
    _contacts(clerk, [("civil", 1)] * 120)
    r = client.get(reverse(URL), {"page": 2})
    html = r.content.decode()
    assert r.context["page"].number == 2
    assert len(r.context["rows"]) == 50
    for n in (1, 2, 3):
        assert f"page={n}" in html
    assert 'aria-current="page"' in html
    count = html.split('class="list-count"')[1].split("</p>")[0]
    assert "共 120 筆" in count and "第 51 至 100 筆" in count


def test_choice_filters_show_their_counts_with_the_other_filters_applied(clerk_client):
    client, clerk = clerk_client
    _contacts(clerk, [("civil", 1), ("civil", 1), ("transport", 1)])
    r = client.get(reverse(URL))
    choices = dict(r.context["filterset"].form.fields["category"].choices)
    assert choices["civil"].endswith("(2)") and choices["transport"].endswith("(1)")

    # the category chosen keeps the counts of every category; the period narrows them
    r = client.get(reverse(URL), {"category": "civil", "period": "115-01"})
    choices = dict(r.context["filterset"].form.fields["category"].choices)
    assert choices["transport"].endswith("(1)")
    assert r.context["filtered"] and r.context["page"].paginator.count == 2
    assert "符合篩選條件：共 2 筆" in r.content.decode()

    r = client.get(reverse(URL), {"period": "114"})
    choices = dict(r.context["filterset"].form.fields["category"].choices)
    assert choices["civil"].endswith("(0)")


def test_the_documents_register_sorts_only_by_indexed_columns(make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    url = reverse("documents:document_list")
    r = client.get(url, {"sort": "subject"})
    assert r.status_code == 200 and "aria-sort" not in r.content.decode()
    r = client.get(url, {"sort": "-deadline"})
    assert 'aria-sort="descending"' in r.content.decode()
    # no per-choice counts over the register
    assert not any(
        "(" in str(label) for _v, label in r.context["filterset"].form.fields["state"].choices
    )


def test_a_list_longer_than_the_count_limit_says_more_than_and_counts_no_further(
    clerk_client, settings
):
    """A list counts its rows up to MISHU_LIST_COUNT_LIMIT (the register's millions are not
    counted on every view): past it the list says so and its pages stop at the bound."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client, clerk = clerk_client
    _contacts(clerk, [("civil", 1)] * 120)
    settings.MISHU_LIST_COUNT_LIMIT = 100
    with CaptureQueriesContext(connection) as queries:
        r = client.get(reverse(URL), {"page": 2})
    count_sql = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert any("LIMIT 101" in sql for sql in count_sql)  # never more than the bound's rows
    html = r.content.decode()
    count = html.split('class="list-count"')[1].split("</p>")[0]
    assert "超過 100 筆" in count and "共 120 筆" not in count
    assert "第 2 頁（前 2 頁）" in html and len(r.context["rows"]) == 50
    settings.MISHU_LIST_COUNT_LIMIT = 120  # at the bound: the exact count, as before
    count = client.get(reverse(URL)).content.decode().split('class="list-count"')[1]
    assert "共 120 筆" in count.split("</p>")[0]


def test_a_filters_record_choices_are_read_once_per_data_version(make_user, client_for):
    """The register's unit and handler choices are held until the data changes: a second view
    reads no division list; a renamed unit is shown once written, in either language."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mishu.core.testing import commit_data_version

    client = client_for(make_user("documents", ["clerk"]))
    commit_data_version()
    client.get("/documents/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/documents/").content.decode()
    listed = [q["sql"] for q in queries.captured_queries if 'FROM "core_division"' in q["sql"]]
    assert not [sql for sql in listed if "WHERE" not in sql]  # only the chosen unit's lookup
    unit = division("media")
    assert f">{unit.name}<" in page or f">{unit.short_name}<" in page
    unit.name = unit.short_name = "新聞 <新> 組"
    unit.name_en = unit.short_name_en = "News Unit"
    unit.save()
    assert "新聞 &lt;新&gt; 組" in client.get("/documents/").content.decode()  # not yet committed
    commit_data_version()
    assert "新聞 &lt;新&gt; 組" in client.get("/documents/").content.decode()
    client.cookies["django_language"] = "en"
    assert "News Unit" in client.get("/documents/").content.decode()


def test_choice_counts_are_kept_until_the_data_changes(clerk_client):
    """The counts beside a filter's choices are the same statement over the same data: a
    second view runs no GROUP BY; a committed write shows in the next view's counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mishu.core.testing import commit_data_version

    client, clerk = clerk_client
    _contacts(clerk, [("civil", 1), ("transport", 1)])
    commit_data_version()

    def view():
        with CaptureQueriesContext(connection) as queries:
            r = client.get(reverse(URL))
        grouped = [q for q in queries.captured_queries if "GROUP BY" in q["sql"]]
        return dict(r.context["filterset"].form.fields["category"].choices), grouped

    first, grouped = view()
    assert first["civil"].endswith("(1)") and grouped
    again, grouped = view()
    assert again == first and not grouped
    _contacts(clerk, [("civil", 1)])
    commit_data_version()
    after, grouped = view()
    assert after["civil"].endswith("(2)") and grouped
