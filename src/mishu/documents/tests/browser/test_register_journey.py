"""A clerk registers a document through the form; the clerk asks to extend its deadline and a
supervisor approves it — in headless Chromium."""

import datetime

import pytest

from mishu.core.formats import roc_year
from mishu.core.tests.browser.helpers import assert_accessible, force_login, login

pytestmark = pytest.mark.browser


def roc(day: datetime.date) -> str:
    return f"{roc_year(day)}/{day.month}/{day.day}"


def test_register_a_document_and_extend_its_deadline(page, make_user):
    from mishu.core.models import Agency
    from mishu.documents.models import Document

    clerk = make_user("documents", ["clerk"])
    boss = make_user("documents", ["supervisor"])
    agency = Agency.objects.get(short_name="都發局")
    today = datetime.date.today()

    login(page, clerk)
    page.goto("/documents/add/")
    assert_accessible(page)
    page.select_option("#id_office", "city")
    page.select_option("#id_direction", "incoming")
    page.fill("#id_subject", "函詢都市更新案辦理情形")
    page.select_option("#id_sender", str(agency.pk))
    page.fill("#id_received_on", roc(today - datetime.timedelta(days=1)))
    page.fill("#id_stated_deadline", roc(today - datetime.timedelta(days=3)))
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    # a deadline before receipt is refused, naming the field
    assert "/documents/add/" in page.url
    error = page.locator("#id_stated_deadline_error").inner_text()  # the text the field names
    assert "收文日期" in error  # 限辦日期不得早於收文日期
    assert not Document.objects.exists()
    page.fill("#id_stated_deadline", "")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    doc = Document.objects.get()
    assert page.url.endswith(f"/documents/{doc.pk}/")
    assert doc.number in page.locator("h1").inner_text()
    assert_accessible(page)

    new_deadline = doc.deadline + datetime.timedelta(days=10)
    page.locator("section.actions details summary").click()  # the request, among the actions
    page.fill("#id_new_deadline", roc(new_deadline))
    page.fill("#id_reason", "需會辦都發局及法務局")
    with page.expect_navigation():
        page.locator("form[action$='/extend/'] button[type=submit]").click()
    assert "需會辦都發局及法務局" in page.locator("main").inner_text()

    force_login(page, boss)
    page.goto(f"/documents/{doc.pk}/")
    assert_accessible(page)
    page.fill("form[action$='/decide/'] input[name=note]", "同意展期")
    with page.expect_navigation():
        page.locator("form[action$='/decide/'] button[type=submit]").click()
    doc.refresh_from_db()
    assert doc.deadline == new_deadline
    assert "核准展期" in page.locator("main").inner_text()  # the event, in Chinese
