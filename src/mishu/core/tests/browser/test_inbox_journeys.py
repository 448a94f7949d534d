"""The clerk's day and the supervisor's day, in headless Chromium: the clerk logs in, finds an
overdue document in red in 待辦, opens it and acts from the top of the page, asks for an
extension; the supervisor finds it in 待核 and approves it. Screenshots are kept as artefacts
(`MISHU_SCREENSHOTS`, default var/screenshots/)."""

import datetime

import pytest
from django.utils import timezone

from mishu.core.formats import roc_year
from mishu.core.tests.browser.helpers import assert_accessible, force_login, login, screenshot

pytestmark = pytest.mark.browser
RED = "rgb(164, 22, 26)"  # --danger in mishu.css


def roc(day: datetime.date) -> str:
    return f"{roc_year(day)}/{day.month}/{day.day}"


def _document(subject, handler, received, **fields):
    from mishu.core.models import Agency, Division
    from mishu.documents import services
    from mishu.documents.models import Document
    from mishu.documents.testing import advance

    doc = services.register(
        Document(
            division=Division.objects.get(code="documents"),
            office="city",
            direction="incoming",
            subject=subject,
            sender=Agency.objects.get(short_name="都發局"),
            received_on=received,
            speed="ordinary",
            **fields,
        )
    )
    return advance(doc, "assign", handler=handler)


def _top_of(page, selector) -> float:
    return page.locator(selector).first.bounding_box()["y"]


def test_the_clerks_day_and_the_supervisors_day(page, make_user):
    from mishu.documents.models import Document

    clerk = make_user("documents", ["clerk"], first_name="小", last_name="文")
    boss = make_user("documents", ["supervisor"], first_name="主", last_name="任")
    today = timezone.localdate()
    late = _document("函詢路燈維護進度", clerk, today - datetime.timedelta(days=30))
    soon = _document(
        "函送都市更新審議資料", clerk, today, stated_deadline=today + datetime.timedelta(days=5)
    )

    # the clerk's day: 待辦, the overdue document first and in red
    login(page, clerk)
    assert_accessible(page)
    tab = page.locator(".inbox-tabs a[href='#inbox-mine']")
    assert "待辦" in tab.inner_text() and tab.locator(".count").inner_text() == "2"
    rows = page.locator("#inbox-mine tbody tr")
    assert "函詢路燈維護進度" in rows.nth(0).inner_text()
    first = rows.nth(0)
    assert "逾" in first.locator("strong.overdue").inner_text()
    color = first.locator("strong.overdue").evaluate("e => getComputedStyle(e).color")
    assert color == RED
    assert "已逾期" in page.locator(".notice.reminder").inner_text()
    screenshot(page, "clerk-01-inbox")

    # open it: the next steps come before the record's fields, each with its note
    with page.expect_navigation():
        first.locator("a").click()
    assert page.url.endswith(late.get_absolute_url())
    assert _top_of(page, "section.actions") < _top_of(page, "dl.detail")
    assert "承辦人開始擬辦" in page.locator("section.actions").inner_text()
    assert page.locator("section.actions form.action-assign").count() == 0  # assigned already
    assert_accessible(page)
    screenshot(page, "clerk-02-document-actions")
    with page.expect_navigation():
        page.locator("section.actions form.action-draft button").click()
    late.refresh_from_db()
    assert late.state == "drafting"
    assert "送陳核" in page.locator("section.actions").inner_text()

    # and asks, from the top of the other document, to extend its deadline
    page.goto(soon.get_absolute_url())
    page.locator("section.actions details summary").click()
    new_deadline = soon.deadline + datetime.timedelta(days=14)
    page.fill("#id_new_deadline", roc(new_deadline))
    page.fill("#id_reason", "需會辦都發局")
    with page.expect_navigation():
        page.locator("form[action$='/extend/'] button[type=submit]").click()
    assert "需會辦都發局" in page.locator("main").inner_text()
    screenshot(page, "clerk-03-extension-requested")

    # the supervisor's day: 待核 holds the request
    force_login(page, boss)
    page.goto("/")
    assert_accessible(page)
    review = page.locator("#inbox-review")
    assert "函送都市更新審議資料" in review.inner_text() and "展期申請" in review.inner_text()
    assert page.locator(".inbox-tabs a[href='#inbox-review'] .count").inner_text() == "1"
    screenshot(page, "supervisor-01-inbox")
    with page.expect_navigation():
        review.locator("a", has_text="函送都市更新審議資料").click()
    decide = page.locator("section.actions form.decide")
    assert _top_of(page, "section.actions") < _top_of(page, "dl.detail")
    decide.locator("input[name=note]").fill("同意展期")
    screenshot(page, "supervisor-02-decide")
    with page.expect_navigation():
        decide.locator("button[type=submit]").click()
    soon = Document.objects.get(pk=soon.pk)
    assert soon.deadline == new_deadline
    assert "核准展期" in page.locator("main").inner_text()  # the event, in Chinese
    page.goto("/")
    assert page.locator(".inbox-tabs a[href='#inbox-review'] .count").inner_text() == "0"
    screenshot(page, "supervisor-03-queue-empty")
