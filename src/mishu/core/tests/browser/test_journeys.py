"""End-to-end journeys of a clerk through the staff UI, in headless Chromium."""

import datetime

import pytest

from .helpers import assert_accessible, force_login, login, logout, submit_login, switch_language

pytestmark = pytest.mark.browser


def text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def test_login_home_in_chinese_and_logout(page, make_user):
    clerk = make_user("documents", ["clerk"], first_name="王小明", last_name="")

    submit_login(page, clerk.username, "wrong-password")
    assert "/login/" in page.url
    assert "密碼" in text(page, "main [role=alert]")
    assert_accessible(page)

    login(page, clerk)
    assert page.url.rstrip("/") == page.live_server_url
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert "王小明，您好" in text(page, "h1")
    assert "文書組" in text(page, ".user-box")
    assert page.get_by_role("button", name="登出").is_visible()
    assert "組室" == page.locator("nav.site-nav").get_attribute("aria-label")
    assert_accessible(page)

    logout(page)
    assert "/login/" in page.url
    assert text(page, "h1") == "登入"
    assert not page.locator(".user-box").count()
    assert_accessible(page)


def test_switch_language_and_back(page, make_user):
    force_login(page, make_user("documents", ["clerk"]))
    page.goto("/")
    assert page.get_by_role("button", name="登出").is_visible()

    switch_language(page, "en")
    assert page.url.rstrip("/") == page.live_server_url
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("button", name="Log out").is_visible()
    assert text(page, "h1").startswith("Welcome")
    assert page.locator("nav.site-nav").get_attribute("aria-label") == "Divisions"
    assert "Document and Archives Division" in text(page, ".user-box")
    assert page.get_by_label("Language").is_visible()
    assert_accessible(page)

    switch_language(page, "zh-hant")
    assert page.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert page.get_by_role("button", name="登出").is_visible()
    assert "文書組" in text(page, ".user-box")
    assert_accessible(page)


def test_divisions_navigation_and_scoped_records(page, make_user):
    from mishu.chronicle.models import Event
    from mishu.core.testing import division

    day = datetime.date(2019, 7, 1)
    Event.objects.create(
        division=division("media"), category="meeting", start_date=day, title="媒體組記者會"
    )
    Event.objects.create(
        division=division("documents"), category="meeting", start_date=day, title="文書組檔案研習"
    )
    force_login(page, make_user("media", ["clerk"]))
    page.goto("/")
    nav = page.locator("nav.site-nav")

    with page.expect_navigation():
        nav.get_by_role("link", name="媒體事務組", exact=True).click()
    assert page.url.endswith("/divisions/media/")
    assert text(page, "h1") == "媒體事務組"
    current = nav.locator("[aria-current=page]")
    assert current.count() == 1 and current.inner_text() == "媒體事務組"
    assert not page.locator(".notice").count()
    assert_accessible(page)

    with page.expect_navigation():
        nav.get_by_role("link", name="文書組", exact=True).click()
    assert page.url.endswith("/divisions/documents/")
    current = nav.locator("[aria-current=page]")
    assert current.count() == 1 and current.inner_text() == "文書組"
    assert "屬於其他組室" in text(page, "main .notice")
    assert_accessible(page)

    page.goto("/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="大事紀", exact=True).click()
    assert "/chronicle/events/" in page.url
    assert nav.locator("[aria-current=page]").count() == 0
    table = text(page, "main table")
    assert "媒體組記者會" in table
    assert "文書組檔案研習" not in table
    assert_accessible(page)


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page, make_user):
    # The login page is left out: its user-name field takes the focus when it opens.
    force_login(page, make_user("documents", ["clerk"]))
    for path in ("/", "/divisions/documents/", "/chronicle/events/"):
        page.goto(path)
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.className, document.activeElement.textContent.trim()]"
        )
        assert focused == ["skip-link", "跳至主要內容"], path
        box = page.locator(".skip-link").bounding_box()
        assert box and box["x"] >= 0, "the focused skip link must be on screen"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main", path
        assert page.url.endswith("#main")
