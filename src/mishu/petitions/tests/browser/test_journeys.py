"""Journeys in headless Chromium: a citizen files a petition and looks it up; staff handle it;
a counter clerk tallies contacts."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache

from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.petitions.models import PersonalDataAccess, PetitionCase

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_citizen_files_a_petition_and_looks_it_up(page):
    page.goto("/petitions/public/")
    assert_accessible(page)
    page.fill("#id_name", "王小明")
    page.fill("#id_phone", "0912-345-678")
    page.fill("#id_body", "<b>路燈</b>不亮")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    # the subject was missing: what was typed is kept, the field is named
    assert page.input_value("#id_name") == "王小明"
    assert page.input_value("#id_body") == "<b>路燈</b>不亮"
    assert page.locator(".has-error #id_subject").count() == 1
    assert_accessible(page)
    page.fill("#id_subject", "<script>window.pwned=1</script>路燈")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    number = page.inner_text("#case-number").strip()
    password = page.inner_text("#case-password").strip()
    assert PetitionCase.objects.filter(number=number, channel="web").exists()
    assert_accessible(page)

    page.goto("/petitions/public/status/")
    page.fill("#id_number", number)
    page.fill("#id_password", "WRONGPWD")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("#case-status").count() == 0
    page.fill("#id_number", number)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "<script>window.pwned=1</script>路燈" in page.inner_text("#case-status")
    assert page.evaluate("window.pwned") is None
    assert_accessible(page)


def test_staff_assign_and_reply_and_see_petitioner_logged(page, make_user):
    from mishu.petitions.tests.factories import file_case

    case = file_case()
    clerk = make_user("confidential", ["clerk"])
    clerk.user_permissions.add(Permission.objects.get(codename="view_petitioner"))
    force_login(page, clerk)
    page.goto("/petitions/cases/")
    assert_accessible(page)
    assert "王小明" not in page.inner_text("main")
    page.click(f"text={case.number}")
    assert "王○○" in page.inner_text("main")
    assert_accessible(page)
    # one form per step, each with only what it asks: 分派 first, open
    assert page.locator("#id_act-assigned-reply").count() == 0
    page.select_option("#id_act-assigned-agency", label="都發局")
    with page.expect_navigation():
        page.locator("form:has(#id_act-assigned-agency) button[type=submit]").click()
    page.locator("details.action:has(#id_act-replied-reply) summary").click()
    page.fill("#id_act-replied-reply", "已派員修復。")
    with page.expect_navigation():
        page.locator("form:has(#id_act-replied-reply) button[type=submit]").click()
    case.refresh_from_db()
    assert case.status == "replied" and case.agency.short_name == "都發局"
    page.goto(f"/petitions/cases/{case.pk}/petitioner/")
    assert "王小明" not in page.inner_text("main")  # the purpose is asked first
    page.fill("#id_purpose", "回電說明答復內容")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "王小明" in page.inner_text("main")
    access = PersonalDataAccess.objects.get(case=case, user=clerk)
    assert access.purpose == "回電說明答復內容"


def test_counter_clerk_tallies_and_corrects(page, make_user):
    force_login(page, make_user("citizen-services", ["clerk"]))
    page.goto("/consultations/tally/")
    assert_accessible(page)
    for _ in range(2):
        with page.expect_navigation():
            page.locator("form:has(input[value=transport]):not(:has([name=undo])) button").click()
    with page.expect_navigation():
        page.locator("form:has(input[value=transport]):has([name=undo]) button").click()
    assert page.inner_text("#n-transport").strip() == "1"
    assert page.inner_text("#tally-total").strip() == "1"
    assert_accessible(page)
