"""Media records: the report's figures counted from them, the response deadline in working
days, the public feed, the import (all or nothing) and who sees what."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.formats import Period
from mishu.core.models import Agency, ObjectChange
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.media import demo
from mishu.media.models import NewsResponse, PressRelease, SocialPost

pytestmark = pytest.mark.django_db
H2 = Period.parse("108H2")


def release(agency="secretariat", day=datetime.date(2019, 7, 2), title="新聞稿"):
    return PressRelease.objects.create(
        division=division("media"),
        agency=Agency.objects.get(code=agency),
        title=title,
        published_on=day,
    )


def test_the_demo_reproduces_the_seed_figures_from_records():
    demo.load()
    demo.load()  # idempotent
    expected = {
        "media.press_releases": 192,
        "media.city_press_releases": 7652,
        "media.responses": 9,
        "media.mayor_dinners": 2,
        "media.mayor_interviews": 53,
        "media.images": 213,
        "media.videos": 79,
    }
    for code, figure in expected.items():
        assert registry.get(code).source == "computed", code
        assert registry.value(code, H2) == figure, code
    posts = registry.breakdown("media.social_posts", H2)
    assert registry.value("media.social_posts", H2, platform="臉書") == 203
    assert registry.value("media.social_posts", H2, platform="Instagram") == 45
    assert registry.value("media.social_posts", H2, platform="Twitter") == 197
    assert posts.total == 445
    # bulk writes log themselves: one change-log entry per release
    assert ObjectChange.objects.filter(content_type__model="pressrelease").count() == 7652


def test_a_period_without_records_is_missing_not_zero():
    assert registry.value("media.press_releases", H2) is None
    release(agency="finance")
    assert registry.value("media.press_releases", H2) == 0
    assert registry.value("media.city_press_releases", H2) == 1
    assert registry.value("media.mayor_dinners", H2) == 0
    assert registry.value("media.press_releases", Period.parse("108H1")) is None


def test_response_deadline_in_working_days_and_overdue():
    # requested on Friday 108/9/27; 1 working day → Monday 9/30 (9/28, 9/29 weekend)
    response = NewsResponse(
        division=division("media"),
        headline="報導",
        reported_on=datetime.date(2019, 9, 27),
        agency=Agency.objects.get(code="finance"),
        requested_on=datetime.date(2019, 9, 27),
        allowed_days=1,
    )
    response.full_clean()
    response.save()
    assert response.due_on == datetime.date(2019, 9, 30)
    assert response.is_overdue(today=datetime.date(2019, 10, 1))
    assert not response.is_overdue(today=datetime.date(2019, 9, 30))
    response.replied_on, response.reply = datetime.date(2019, 9, 30), "已說明"
    response.full_clean()
    response.save()
    assert not response.is_overdue(today=datetime.date(2019, 12, 1))
    assert response.reply_status() == "於期限內回應"
    response.replied_on = datetime.date(2019, 10, 1)
    assert response.reply_status() == "逾期回應"


def test_reply_before_request_or_without_text_is_refused_in_chinese(make_user, client_for):
    client = client_for(make_user("media", ["clerk"]))
    page = client.post(
        reverse("media:newsresponse_add"),
        {
            "division": division("media").pk,
            "headline": "報導",
            "reported_on": "108/9/27",
            "agency": Agency.objects.get(code="finance").pk,
            "requested_on": "108/9/27",
            "allowed_days": "1",
            "replied_on": "108/9/26",
        },
    ).content.decode()
    assert "答復日不得早於請求回應日" in page
    assert "請填寫回應內容" in page
    assert NewsResponse.objects.count() == 0


def test_feed_lists_published_releases_only(client):
    release(title="已發布的新聞稿")
    release(title="明日才發布", day=datetime.date.today() + datetime.timedelta(days=1))
    feed = client.get(reverse("media:release_feed"))
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "已發布的新聞稿" in body and "明日才發布" not in body
    page = client.get(reverse("media:public_releases")).content.decode()
    assert "已發布的新聞稿" in page and "108 年 7 月 2 日" in page


HEADER = "agency,title,published_on\n"


def upload(client, text):
    f = SimpleUploadedFile("releases.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("media:pressrelease_import"), {"file": f})


def test_import_is_all_or_nothing_and_logged(make_user, client_for):
    client = client_for(make_user("media", ["clerk"]))
    page = upload(
        client, HEADER + "財政局,統一發票,108/7/2\n不存在局,x,108/7/3\n教育局,開學,108/13/1\n"
    ).content.decode()
    assert PressRelease.objects.count() == 0
    assert "無此機關「不存在局」" in page
    assert page.count("<tr><td>") == 2
    page = upload(client, HEADER + "財政局,統一發票,108/7/2\n臺北市政府教育局,開學,2019-08-30\n")
    assert "已匯入 2 筆資料" in page.content.decode()
    assert registry.value("media.city_press_releases", H2) == 2
    assert (
        ObjectChange.objects.filter(content_type__model="pressrelease", source="import").count()
        == 2
    )


def test_other_divisions_neither_see_nor_write_media_records(make_user, client_for, api_for):
    post = SocialPost.objects.create(
        division=division("media"),
        platform="臉書",
        posted_on=datetime.date(2019, 7, 3),
        summary="x",
    )
    other = make_user("documents", ["clerk"])
    client = client_for(other)
    assert client.get(reverse("media:socialpost_detail", args=[post.pk])).status_code == 404
    api = api_for(other)
    assert api.get("/api/media/socialposts/").json()["count"] == 0
    created = api.post(
        "/api/media/socialposts/",
        {
            "division": division("media").pk,
            "platform": "臉書",
            "posted_on": "2019-07-04",
            "summary": "y",
        },
        format="json",
    )
    assert created.status_code == 400  # another division is as unknown as a missing one
    evaluator = api_for(make_user("general-affairs", ["evaluator"]))
    assert evaluator.get("/api/media/socialposts/").json()["count"] == 1
    mine = api_for(make_user("media", ["clerk"]))
    assert (
        mine.post(
            "/api/media/socialposts/",
            {
                "division": division("media").pk,
                "platform": "Plurk",
                "posted_on": "2019-07-04",
                "summary": "y",
            },
            format="json",
        ).status_code
        == 400
    )


def test_the_api_computes_the_deadline_too(make_user, api_for, client_for):
    api = api_for(make_user("media", ["clerk"]))
    answer = api.post(
        "/api/media/newsresponses/",
        {
            "division": division("media").pk,
            "headline": "報導",
            "reported_on": "2019-09-27",
            "agency": Agency.objects.get(code="finance").pk,
            "requested_on": "2019-09-27",
            "allowed_days": 2,
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    assert answer.json()["due_on"] == "2019-10-01"
    assert NewsResponse.objects.get().due_on == datetime.date(2019, 10, 1)
    page = client_for(make_user("media", ["clerk"])).get(
        reverse("media:newsresponse_detail", args=[answer.json()["id"]])
    )
    assert "逾期未回應" in page.content.decode()  # never answered, long past its deadline
