"""Gazette records: issues counted per period, subscribers as a stock at the period's end, the
subscription import (all or nothing), and items linked only to issues the clerk may read."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.formats import Period
from mishu.core.models import ObjectChange
from mishu.core.testing import division
from mishu.gazette import demo
from mishu.gazette.models import Issue, Item, Subscription, Yearbook
from mishu.indicators import registry

pytestmark = pytest.mark.django_db
H2 = Period.parse("108H2")


def subscription(start, end=None, email="a@example.com"):
    return Subscription.objects.create(
        division=division("confidential"), email=email, subscribed_on=start, unsubscribed_on=end
    )


def test_the_demo_reproduces_the_seed_figures_from_records():
    demo.load()
    demo.load()
    assert registry.get("gazette.issues").source == "computed"
    assert registry.value("gazette.issues", H2) == 130
    assert registry.value("gazette.subscribers", H2) == 4868
    assert Yearbook.objects.get(year=2019).due_on == datetime.date(2020, 6, 30)


def test_subscribers_are_a_stock_at_the_periods_end_never_summed():
    subscription(datetime.date(2019, 3, 1), email="a@example.com")
    subscription(datetime.date(2019, 3, 1), datetime.date(2019, 9, 1), email="b@example.com")
    subscription(datetime.date(2019, 8, 1), email="c@example.com")
    subscription(datetime.date(2019, 6, 30), datetime.date(2019, 12, 31), email="d@example.com")
    assert registry.value("gazette.subscribers", "108H1") == 3  # a, b, d
    assert registry.value("gazette.subscribers", H2) == 2  # a, c (d left on 12/31)
    assert registry.value("gazette.subscribers", "108") == 2  # the year's end, not H1 + H2
    assert registry.value("gazette.subscribers", "107H2") is None  # nothing recorded yet


def test_issues_missing_without_records():
    assert registry.value("gazette.issues", H2) is None
    Issue.objects.create(
        division=division("confidential"), number="1", published_on=datetime.date(2019, 7, 2)
    )
    assert registry.value("gazette.issues", H2) == 1
    assert registry.value("gazette.issues", "108") == 1


HEADER = "email,subscribed_on,unsubscribed_on\n"


def upload(client, text):
    f = SimpleUploadedFile("subs.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("gazette:subscription_import"), {"file": f})


def test_subscription_import_all_or_nothing_and_masked_in_the_log(make_user, client_for):
    client = client_for(make_user("confidential", ["clerk"]))
    page = upload(
        client,
        HEADER
        + "x@example.com,108/7/1,\n"
        + "not-an-address,108/7/1,\n"
        + "y@example.com,108/7/1,108/6/1\n"
        + "x@example.com,108/8/1,\n",
    ).content.decode()
    assert Subscription.objects.count() == 0
    assert "「not-an-address」不是電子郵件地址" in page
    assert "訂閱終止日不得早於訂閱日" in page
    assert "x@example.com 已訂閱" in page
    page = upload(client, HEADER + "x@example.com,108/7/1,\ny@example.com,108/7/1,108/9/1\n")
    assert "已匯入 2 筆資料" in page.content.decode()
    assert registry.value("gazette.subscribers", H2) == 1
    change = ObjectChange.objects.filter(content_type__model="subscription").first()
    assert "x@example.com" not in str(change.changes) and "x@example.com" not in change.object_repr
    # nor in an export of the list: the addresses are the e-paper platform's to use
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("gazette:subscription_list"), {"export": fmt})
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"example.com" not in body
        if fmt == "csv":
            assert len(body.decode("utf-8-sig").strip().splitlines()) == 3  # header + 2


def test_items_link_only_to_issues_the_clerk_may_read(make_user, client_for, api_for):
    issue = Issue.objects.create(
        division=division("confidential"), number="1", published_on=datetime.date(2019, 7, 2)
    )
    other = make_user("media", ["clerk"])
    page = client_for(other).post(
        reverse("gazette:item_add"),
        {"division": division("media").pk, "issue": issue.pk, "category": "notice", "title": "x"},
    )
    assert page.status_code == 200 and "issue" in page.context["form"].errors
    answer = api_for(other).post(
        "/api/gazette/items/",
        {"division": division("media").pk, "issue": issue.pk, "category": "notice", "title": "x"},
        format="json",
    )
    assert answer.status_code == 400 and "issue" in answer.json()
    assert Item.objects.count() == 0
    mine = api_for(make_user("confidential", ["clerk"]))
    answer = mine.post(
        "/api/gazette/items/",
        {
            "division": division("confidential").pk,
            "issue": issue.pk,
            "category": "regulation",
            "title": "自治條例",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()


def test_yearbook_sentence_from_its_record():
    from mishu.reports import sources

    sources.autodiscover()
    Yearbook.objects.create(
        division=division("confidential"),
        title="臺北市年鑑 2018",
        year=2018,
        due_on=datetime.date(2019, 6, 30),
        published_on=datetime.date(2019, 6, 20),
    )
    book = Yearbook.objects.create(
        division=division("confidential"),
        title="臺北市年鑑 2019",
        year=2019,
        due_on=datetime.date(2020, 6, 30),
    )
    assert sources.get("gazette.yearbooks")(H2) == [
        "《臺北市年鑑 2019》依計畫期程辦理中，預計於 109 年 6 月底前發行。"
    ]
    book.published_on = datetime.date(2019, 12, 20)
    book.save()
    assert sources.get("gazette.yearbooks")(H2) == [
        "《臺北市年鑑 2019》已於 108 年 12 月 20 日發行。"
    ]
