"""The citizen's day in headless Chromium: file a petition and keep its confirmation (a reload
files nothing), book a venue, and look up the booking's status with its reference. Screenshots
are kept under var/screenshots/ (or $MISHU_SCREENSHOTS)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from mishu.core.testing import division
from mishu.core.tests.browser.helpers import assert_accessible, screenshot
from mishu.petitions.models import PetitionCase
from mishu.venues.models import Booking, Venue, VenueRate

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the rate limits and the forms' one-time tokens
    yield
    cache.clear()


def _send(page):
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_citizen_files_a_petition_reloads_the_confirmation_and_books_a_venue(page):
    # 1. a petition: the notice on personal data is on the form, the phone field is a phone's
    page.goto("/petitions/public/")
    assert "個人資料蒐集告知事項" in page.inner_text("#privacy-notice")
    assert page.get_attribute("#id_phone", "type") == "tel"
    assert page.get_attribute("#id_email", "autocomplete") == "email"
    assert_accessible(page)
    screenshot(page, "citizen-01-petition-form")
    page.fill("#id_name", "王小明")
    page.fill("#id_phone", "0912-345-678")
    page.fill("#id_email", "wang@example.tw")
    page.fill("#id_subject", "市府路口路燈不亮")
    page.fill("#id_body", "市府路與松壽路口的路燈已兩晚不亮。")
    _send(page)
    assert page.url.endswith("/petitions/public/received/")
    number = page.inner_text("#case-number").strip()
    assert number and page.inner_text("#case-password").strip()
    assert_accessible(page)
    screenshot(page, "citizen-02-petition-received")
    page.reload()  # the confirmation again, not a second petition
    assert page.inner_text("#case-number").strip() == number
    assert PetitionCase.objects.filter(channel="web").count() == 1

    # 2. a venue booking, with consent to the notice
    venue = Venue.objects.create(
        division=division("city-hall"), name="市民廣場", report_group="市民廣場"
    )
    VenueRate.objects.create(
        division=venue.division, venue=venue, label="半日（4 小時）", amount=6500, hours=4
    )
    day = timezone.localdate() + datetime.timedelta(days=14)
    page.goto("/venues/book/")
    assert "場地行事曆" in page.inner_text("#privacy-notice")
    page.select_option("#id_venue", str(venue.pk))
    page.fill("#id_title", "親子音樂會")
    page.select_option("#id_purpose", "culture")
    page.fill("#id_applicant", "示範協會")
    page.fill("#id_contact_name", "林小姐")
    page.fill("#id_contact_phone", "02-2720-8889")
    page.fill("#id_contact_email", "lin@example.org")
    page.fill("#id_date", day.isoformat())
    page.fill("#id_start", "14:00")
    page.fill("#id_end", "17:00")
    _send(page)  # consent not given: asked for, nothing booked
    assert page.locator(".has-error #id_consent").count() == 1
    assert not Booking.objects.exists()
    page.check("#id_consent")
    _send(page)
    assert page.url.endswith("/venues/book/received/")
    reference = page.inner_text("#booking-reference").strip()
    assert reference.startswith("V")
    assert_accessible(page)
    screenshot(page, "citizen-03-booking-received")
    page.reload()
    assert Booking.objects.count() == 1

    # 3. the booking's status, by reference and telephone
    with page.expect_navigation():
        page.get_by_role("link", name="查詢場地申請").first.click()
    page.fill("#id_reference", reference)
    page.fill("#id_contact", "02 2720 8889")
    _send(page)
    status = page.inner_text("#booking-status")
    assert reference in status and "親子音樂會" in status
    assert (
        page.inner_text("#booking-status-value").strip()
        == Booking.objects.get().get_status_display()
    )
    assert_accessible(page)
    screenshot(page, "citizen-04-booking-status")
