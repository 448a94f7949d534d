"""A citizen books a City Hall venue through the public form; staff approve it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from mishu.core.testing import division
from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.venues.models import Booking, Venue, VenueRate

pytestmark = pytest.mark.browser


def test_public_books_a_venue_and_staff_approve(page, make_user):
    venue = Venue.objects.create(
        division=division("city-hall"), name="市民廣場", report_group="市民廣場"
    )
    VenueRate.objects.create(
        division=venue.division, venue=venue, label="半日（4 小時）", amount=6500, hours=4
    )
    day = timezone.localdate() + datetime.timedelta(days=14)
    page.goto("/venues/book/")
    assert_accessible(page)
    page.select_option("#id_venue", str(venue.pk))
    page.fill("#id_title", "親子音樂會")
    page.select_option("#id_purpose", "culture")
    page.fill("#id_applicant", "示範協會")
    page.fill("#id_contact_name", "林小姐")
    page.fill("#id_contact_phone", "02-2720-8889")
    page.fill("#id_contact_email", "lin@example.org")
    page.fill("#id_date", day.isoformat())
    page.fill("#id_start", "14:00")
    page.fill("#id_end", "11:00")  # ends before it starts: refused, the field named
    page.check("#id_consent")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("[role=alert]").count() >= 1
    assert not Booking.objects.exists()
    assert page.input_value("#id_title") == "親子音樂會"
    page.fill("#id_end", "17:00")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert "已收到" in page.inner_text("main")
    # 14:00-17:00 is one half-day session: the estimate is shown with how it was computed
    assert "NT$6,500" in page.inner_text("#fee-estimate")
    booking = Booking.objects.get()
    assert booking.status == "applied"
    assert_accessible(page)

    force_login(page, make_user("city-hall", ["clerk"]))
    page.goto(booking.get_absolute_url())
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="核准").click()
    booking.refresh_from_db()
    assert booking.status == "approved"
    assert "已核准" in page.inner_text("main")
    # the fee computed on approval, and how: sessions × rate
    assert booking.fee == 6500
    basis = page.inner_text("#fee-basis")
    assert "核定費用" in basis and "1 × 半日（4 小時） NT$6,500 = NT$6,500" in basis
    # the applicant is told, in Chinese, with the fee
    assert [m.to for m in mail.outbox] == [["lin@example.org"]]
    assert "已核准" in mail.outbox[0].subject and "NT$6,500" in mail.outbox[0].body
    page.goto(f"/venues/calendar/?month={day:%Y-%m}")
    assert "親子音樂會" in page.inner_text("main")
    assert_accessible(page)
