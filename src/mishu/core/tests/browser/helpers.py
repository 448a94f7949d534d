"""Browser-test helpers other apps import: a headless Chromium, a page on the live server, logging
in, and the accessibility checks every page must pass.

An app's browser tests reuse them through its own conftest::

    from mishu.core.tests.browser.helpers import browser, page  # noqa: F401

and its tests call ``login(page, user)`` (through the form) or ``force_login(page, user)`` (faster,
when the log-in itself is not what is tested).
"""

import os

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there
# (creating users and records) are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from pathlib import Path

import pytest

from mishu.core.testing import PASSWORD

CHROMIUM = os.environ.get("MISHU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
HTML_LANGS = {"zh-Hant-TW", "en"}


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run (the system's; Playwright downloads nothing)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (set MISHU_CHROMIUM)")
    playwright = sync_api.sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def live_organisation(transactional_db):
    """The divisions, agencies and roles, put back for a test on the live server: its database is
    emptied after every test (not rolled back), which takes the data migrations' rows with it."""
    from mishu.core.data.organisation import sync_organisation
    from mishu.core.models import Agency, Division, Role

    sync_organisation(Division, Agency, Role)


@pytest.fixture
def page(browser, live_server, live_organisation):
    """A fresh browser context (no cookies) on the live server, as a browser set to Taiwanese
    Chinese; relative URLs (`page.goto("/")`) go to the live server."""
    context = browser.new_context(
        base_url=live_server.url, locale="zh-TW", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    tab.live_server_url = live_server.url
    errors = []
    tab.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.request.method} {r.url}") if r.status >= 500 else None
        ),
    )
    yield tab
    context.close()
    # A 500 makes the test fail on some missing text; say what really happened.
    assert not errors, f"the server failed: {errors}"


def screenshots_dir() -> Path:
    """Where journeys keep their screenshots as test artefacts: `MISHU_SCREENSHOTS`, by default
    var/screenshots/ (made when missing; var/ is not committed)."""
    from django.conf import settings

    path = Path(os.environ.get("MISHU_SCREENSHOTS") or Path(settings.VAR_DIR) / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def screenshot(page, name: str) -> Path:
    """Save the whole page as `<name>.png` in `screenshots_dir()`; returns the file."""
    path = screenshots_dir() / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def submit_login(page, username: str, password: str) -> None:
    """Fill in and send the log-in form, wherever that leads."""
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def login(page, user, password: str = PASSWORD) -> None:
    """Log in through the form as `user` and check that it worked (we leave the login page)."""
    submit_login(page, user.username, password)
    assert "/login/" not in page.url, f"log-in as {user.username} failed: {page.url}"


def force_login(page, user) -> None:
    """Log in without the form: a session made by Django's test client, handed to the browser."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": page.live_server_url}]
    )


def logout(page) -> None:
    """Press the log-out button in the header."""
    with page.expect_navigation():
        page.locator(".user-box form button[type=submit]").click()


def switch_language(page, code: str) -> None:
    """Choose a language in the header's switcher and send it."""
    page.select_option("#lang-select", code)
    with page.expect_navigation():
        page.locator("form.lang-switch button[type=submit]").click()


_A11Y_SCRIPT = """
(langs) => {
  const problems = [];
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(`${h1} <h1> elements (expected exactly one)`);
  const mains = document.querySelectorAll('main, [role=main]').length;
  if (mains !== 1) problems.push(`${mains} main landmarks (expected exactly one)`);
  const lang = document.documentElement.getAttribute('lang');
  if (!langs.includes(lang)) problems.push(`<html lang="${lang}"> (expected one of ${langs})`);
  const skip = new Set(['hidden', 'submit', 'button', 'reset', 'image']);
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (skip.has((el.getAttribute('type') || '').toLowerCase())) continue;
    const byLabel = Array.from(el.labels || []).some((l) => l.textContent.trim());
    const byAria = (el.getAttribute('aria-label') || '').trim();
    const byRef = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
      .some((id) => (document.getElementById(id)?.textContent || '').trim());
    if (!(byLabel || byAria || byRef)) {
      problems.push(`unlabelled <${el.tagName.toLowerCase()} name="${el.name}" id="${el.id}">`);
    }
  }
  for (const b of document.querySelectorAll('button, a[href]')) {
    if (!(b.textContent.trim() || (b.getAttribute('aria-label') || '').trim())) {
      problems.push(`<${b.tagName.toLowerCase()}> without an accessible name: ${b.outerHTML}`);
    }
  }
  return problems;
}
"""


def accessibility_problems(page) -> list[str]:
    """What the current page gets wrong: one <h1>, one <main>, <html lang>, every form control
    labelled, every button and link named."""
    return page.evaluate(_A11Y_SCRIPT, sorted(HTML_LANGS))


def assert_accessible(page) -> None:
    """Fail with the list of problems of the current page, if any."""
    problems = accessibility_problems(page)
    assert not problems, f"{page.url}: " + "; ".join(problems)
