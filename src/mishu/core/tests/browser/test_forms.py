"""Forms in the browser: after a failed submit focus is on the error summary, its link takes
focus to the field, the focus ring stands out (≥ 3:1 against what is behind it) and the ROC
date picker writes a date the server reads. Screenshots go to $MISHU_SCREENSHOTS or
var/screenshots/."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from .helpers import assert_accessible, force_login

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(
    os.environ.get("MISHU_SCREENSHOTS")
    or Path(settings.BASE_DIR).parents[1] / "var" / "screenshots"
)

# The outline colour of the focused element and the first opaque background behind it.
_FOCUS_COLOURS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  let node = el.parentElement, background = 'rgb(255, 255, 255)';
  while (node) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(bg)) { background = bg; break; }
    node = node.parentElement;
  }
  return {outline: style.outlineColor, style: style.outlineStyle, width: style.outlineWidth,
          background};
}
"""


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert contrast("rgb(255, 191, 71)", "rgb(255, 255, 255)") < 3  # the old amber ring on white


def focus_ring(page) -> dict:
    colours = page.evaluate(_FOCUS_COLOURS)
    colours["contrast"] = contrast(colours["outline"], colours["background"])
    return colours


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"forms-{name}.png"), full_page=True)


def test_failed_submit_focuses_summary_then_field(page, make_user):
    clerk = make_user("documents", ["clerk"])
    force_login(page, clerk)
    page.goto("/documents/add/")
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()

    summary = page.locator("[data-error-summary]")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    ring = focus_ring(page)
    assert ring["style"] != "none" and ring["contrast"] >= 3, ring
    shot(page, "error-summary")
    assert_accessible(page)

    link = summary.locator("a").first
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.evaluate("document.activeElement.id") == target
    field = page.locator(f"#{target}")
    assert field.get_attribute("aria-invalid") == "true"
    for ref in field.get_attribute("aria-describedby").split():
        assert page.locator(f"#{ref}").count() == 1, ref
    assert "_error" in field.get_attribute("aria-describedby")
    ring = focus_ring(page)
    assert ring["style"] != "none" and ring["contrast"] >= 3, ring
    shot(page, "field-focused")


def test_focus_ring_on_buttons_links_and_the_header(page, make_user):
    force_login(page, make_user("documents", ["clerk"]))
    page.goto("/documents/add/")
    seen = 0
    for _ in range(25):  # walk the page with the keyboard: header, navigation, form
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            continue
        ring = focus_ring(page)
        tag = page.evaluate("document.activeElement.tagName + '#' + document.activeElement.id")
        assert ring["style"] != "none" and ring["contrast"] >= 3, (tag, ring)
        seen += 1
    assert seen >= 20


def test_date_picker_writes_an_roc_date(page, make_user):
    force_login(page, make_user("documents", ["clerk"]))
    page.goto("/documents/add/")
    date_input = page.locator("input.roc-date").first
    hint = date_input.get_attribute("aria-describedby").split()[0]
    assert "115/12/08" in page.locator(f"#{hint}").inner_text()
    date_input.fill("115/12/08")
    button = page.locator(".calendar-button").first
    button.click()
    calendar = page.locator(".calendar")
    assert calendar.get_attribute("role") == "dialog"
    assert calendar.locator(".calendar-title").inner_text() == "115 年 12 月"
    assert page.evaluate("document.activeElement.dataset.day") == "115/12/08"
    shot(page, "date-picker")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    assert date_input.input_value() == "115/12/09"
    assert not page.locator(".calendar").count()
    # another month, by the buttons
    button.click()
    calendar.get_by_role("button", name="下個月").click()
    assert calendar.locator(".calendar-title").inner_text() == "116 年 1 月"
    calendar.locator("[data-day='116/01/15']").click()
    assert date_input.input_value() == "116/01/15"
    page.keyboard.press("Escape")  # nothing open: no effect
    assert_accessible(page)
