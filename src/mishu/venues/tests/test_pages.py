"""Staff pages, public booking form, calendar and API of the venues."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from mishu.core.testing import division, post_public_form
from mishu.venues.models import Booking, BookingEvent, Venue
from mishu.venues.registry import CRUDS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client):
    """Messages are checked in English (the default UI language is Traditional Chinese)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def venue():
    return Venue.objects.create(
        division=division("city-hall"), name="1 樓中庭", report_group="1 樓中庭"
    )


def future(days=14):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_every_list_and_add_page_renders(make_user, client_for, venue):
    client = client_for(make_user("city-hall", ["clerk"]))
    for crud in CRUDS:
        for suffix in ("list", "add"):
            url = reverse(f"venues:{crud.name}_{suffix}")
            assert client.get(url).status_code == 200, url
    assert client.get(reverse("venues:venue_detail", args=[venue.pk])).status_code == 200


def test_other_division_cannot_see_bookings(make_user, client_for, venue):
    b = Booking.objects.create(
        division=venue.division,
        venue=venue,
        title="秘密活動",
        purpose="culture",
        applicant="x",
        starts=timezone.now(),
        ends=timezone.now() + datetime.timedelta(hours=1),
    )
    client = client_for(make_user("media", ["clerk"]))
    assert "秘密活動" not in client.get(reverse("venues:booking_list")).content.decode()
    assert client.get(reverse("venues:booking_detail", args=[b.pk])).status_code == 404


def public_post(client, venue, day, start="09:00", end="12:00", **extra):
    data = {
        "venue": venue.pk,
        "title": "親子音樂會",
        "purpose": "culture",
        "applicant": "示範協會",
        "contact_name": "林小姐",
        "contact_phone": "02-1234",
        "contact_email": "a@example.org",
        "date": day.isoformat(),
        "start": start,
        "end": end,
        "consent": "on",
    }
    data.update(extra)
    return post_public_form(client, reverse("venues:book"), data)


def test_public_books_and_staff_approves(client, make_user, client_for, venue):
    response = public_post(client, venue, future())
    assert response.status_code == 200
    assert "親子音樂會" in response.content.decode()
    booking = Booking.objects.get()
    assert booking.status == "applied" and booking.applicant_kind == "public"
    # the same slot again: refused, with the reason on the form, nothing written
    response = public_post(client, venue, future(), "10:00", "11:00")
    assert "already booked" in response.content.decode()
    assert Booking.objects.count() == 1
    staff = client_for(make_user("city-hall", ["clerk"]))
    # the steps at the top of the booking, each a verb with what it does
    page = staff.get(booking.get_absolute_url()).content.decode()
    assert page.index('name="action" value="approve"') < page.index('<dl class="detail">')
    for step in ("approve", "reject", "cancel"):  # each step says what it does
        assert f'aria-describedby="step-{step}"' in page
        assert re.search(rf'<dd id="step-{step}">[^<]+</dd>', page)
    url = reverse("venues:booking_transition", args=[booking.pk])
    assert staff.post(url, {"action": "approve"}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == "approved"
    assert list(BookingEvent.objects.values_list("action", flat=True)) == ["submit", "approve"]
    calendar = client.get(reverse("venues:calendar") + f"?month={future():%Y-%m}")
    assert "親子音樂會" in calendar.content.decode()
    assert "林小姐" not in calendar.content.decode()


def test_calendar_bad_month_is_a_message(client):
    response = client.get(reverse("venues:calendar") + "?month=2019-13")
    assert response.status_code == 200
    assert "YYYY-MM" in response.content.decode()


def test_api_refuses_overlap_and_negative_fee(make_user, api_for, venue):
    api = api_for(make_user("city-hall", ["clerk"]))
    start = timezone.make_aware(datetime.datetime.combine(future(), datetime.time(9)))
    body = {
        "division": venue.division.pk,
        "venue": venue.pk,
        "title": "A",
        "purpose": "culture",
        "applicant": "x",
        "starts": start.isoformat(),
        "ends": (start + datetime.timedelta(hours=2)).isoformat(),
        "status": "approved",
    }
    assert api.post("/api/venues/bookings/", body, format="json").status_code == 201
    again = api.post("/api/venues/bookings/", body, format="json")
    assert again.status_code == 400 and "starts" in again.json()
    neg = api.post(
        "/api/venues/bookings/", {**body, "status": "rejected", "fee": -5}, format="json"
    )
    assert neg.status_code == 400 and "fee" in neg.json()
    assert Booking.objects.count() == 1
    # the status belongs to the workflow (approve / reject / cancel), not to an edit
    booking = Booking.objects.get()
    assert booking.status == "applied"
    api.patch(f"/api/venues/bookings/{booking.pk}/", {"status": "approved"}, format="json")
    booking.refresh_from_db()
    assert booking.status == "applied"


def test_venue_statistics(make_user, client_for, venue):
    start = timezone.make_aware(datetime.datetime(2019, 7, 10, 9))
    Booking.objects.create(
        division=venue.division,
        venue=venue,
        title="A",
        purpose="culture",
        applicant="x",
        starts=start,
        ends=start + datetime.timedelta(hours=7),
        status="approved",
        fee=6500,
    )
    client = client_for(make_user("city-hall", ["clerk"]))
    page = client.get(reverse("venues:statistics") + "?period=108H2").content.decode()
    assert "7.0" in page and "6500" in page
    bad = client.get(reverse("venues:statistics") + "?period=108H9")
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()


def test_fee_schedule_line_added_through_its_form(make_user, client_for, venue):
    """A line of a venue's fee schedule is entered on its add page (it once failed with a 500
    when the page sent the clerk on to the new line); the booking's fee follows it."""
    client = client_for(make_user("city-hall", ["clerk"]))
    data = {"division": venue.division.pk, "venue": venue.pk, "label": "半日"}
    response = client.post(reverse("venues:venuerate_add"), data | {"amount": 8000, "hours": 4})
    rate = venue.rates.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("venues:venuerate_detail", args=[rate.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200 and "半日" in page.content.decode()
