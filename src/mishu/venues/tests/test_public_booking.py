"""The public booking form is safe to reload and to send twice, tells no one another applicant's
event, gives the personal-data notice and asks consent; a booking's status is looked up with its
reference and the applicant's e-mail or telephone."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mishu.core.testing import division, post_public_form
from mishu.venues.models import Booking, Venue

pytestmark = pytest.mark.django_db
BOOK = "/venues/book/"
STATUS = "/venues/book/status/"


@pytest.fixture
def venue():
    return Venue.objects.create(division=division("city-hall"), name="1 樓中庭")


def _day():
    return timezone.localdate() + datetime.timedelta(days=14)


def _form(venue, **changes):
    return {
        "venue": venue.pk,
        "title": "親子音樂會",
        "purpose": "culture",
        "applicant": "示範協會",
        "contact_name": "林小姐",
        "contact_phone": "02-2720-8889",
        "contact_email": "Lin@example.org",
        "date": _day().isoformat(),
        "start": "09:00",
        "end": "12:00",
        "consent": "on",
        **changes,
    }


def test_an_application_redirects_to_its_reference_and_a_reload_files_nothing(client, venue):
    token = client.get(BOOK).context["form_token"]
    response = client.post(BOOK, {**_form(venue), "form_token": token})
    assert response.status_code == 302 and response["Location"] == reverse("venues:book_received")
    booking = Booking.objects.get()
    assert booking.reference.startswith("V") and booking.status == "applied"
    for _reload in range(2):
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert booking.reference in page.content.decode()
    assert Booking.objects.count() == 1


def test_the_same_form_sent_twice_books_once(client, venue):
    token = client.get(BOOK).context["form_token"]
    first = client.post(BOOK, {**_form(venue), "form_token": token})
    again = client.post(BOOK, {**_form(venue), "form_token": token})
    assert first.status_code == again.status_code == 302
    assert Booking.objects.count() == 1
    # the second post is not refused as a clash with itself: it shows the first one's reference
    page = client.get(again["Location"])
    assert Booking.objects.get().reference in page.content.decode()


def test_a_clash_says_the_slot_is_taken_without_naming_the_other_event(client, venue):
    post_public_form(client, BOOK, _form(venue, title="董事會閉門會議", applicant="甲公司"))
    response = post_public_form(
        client, BOOK, _form(venue, title="讀書會", applicant="乙協會", start="10:00", end="11:00")
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "已有人借用" in text
    assert "董事會閉門會議" not in text and "甲公司" not in text
    assert Booking.objects.count() == 1
    # the clash released the form's token: the applicant can change the time and send it
    token = response.context["form_token"]
    moved = client.post(
        BOOK, {**_form(venue, title="讀書會", start="13:00", end="14:00"), "form_token": token}
    )
    assert moved.status_code == 302 and Booking.objects.count() == 2


def test_the_notice_is_given_and_consent_is_needed(client, venue):
    page = client.get(BOOK)
    html = page.content.decode()
    assert 'id="privacy-notice"' in html and "個人資料蒐集告知事項" in html
    assert "場地行事曆" in html and "個人資料保護法第 3 條" in html
    response = post_public_form(client, BOOK, _form(venue, consent=""))
    assert response.status_code == 400 and "consent" in response.context["form"].errors
    assert "請閱讀個人資料蒐集告知事項" in response.content.decode()
    assert not Booking.objects.exists()


def test_contact_fields_have_the_right_types_and_autocomplete(client):
    form = client.get(BOOK).context["form"]
    phone, email = form.fields["contact_phone"].widget, form.fields["contact_email"].widget
    assert phone.input_type == "tel" and phone.attrs["autocomplete"] == "tel"
    assert phone.attrs["inputmode"] == "tel"
    assert email.input_type == "email" and email.attrs["autocomplete"] == "email"
    assert form.fields["contact_name"].widget.attrs["autocomplete"] == "name"
    assert form.fields["applicant"].widget.attrs["autocomplete"] == "organization"


@override_settings(MISHU={"PUBLIC_RATE_LIMITS": {"booking": (2, 60), "booking_invalid": (6, 60)}})
def test_typing_mistakes_do_not_use_up_the_applications(client, venue):
    for _mistake in range(4):
        assert post_public_form(client, BOOK, _form(venue, contact_email="x")).status_code == 400
    assert post_public_form(client, BOOK, _form(venue)).status_code == 200
    second = _form(venue, start="13:00", end="14:00")
    assert post_public_form(client, BOOK, second).status_code == 200
    third = _form(venue, start="15:00", end="16:00")
    assert post_public_form(client, BOOK, third).status_code == 429
    assert Booking.objects.count() == 2


@override_settings(MISHU={"PUBLIC_RATE_LIMITS": {"booking": (5, 60), "booking_invalid": (3, 60)}})
def test_a_robot_probing_the_booking_form_is_stopped(client, venue):
    answers = [post_public_form(client, BOOK, {"title": "x"}).status_code for _ in range(4)]
    assert answers == [400, 400, 400, 429]
    assert not Booking.objects.exists()


def _booked(client, venue, **changes):
    post_public_form(client, BOOK, _form(venue, **changes))
    return Booking.objects.order_by("-pk").first()


def test_status_look_up_with_the_reference_and_e_mail_or_telephone(client, venue):
    booking = _booked(client, venue)
    for contact in ("lin@EXAMPLE.org", "(02) 2720 8889", "0227208889"):
        response = client.post(STATUS, {"reference": booking.reference.lower(), "contact": contact})
        assert response.status_code == 200, contact
        assert response.context["booking"] == booking
        assert "親子音樂會" in response.content.decode()


def test_status_look_up_reveals_nothing_on_any_mistake(client, venue):
    mine = _booked(client, venue)
    other = _booked(
        client,
        venue,
        title="董事會閉門會議",
        contact_email="boss@example.com",
        contact_phone="0911-000-111",
        start="13:00",
        end="14:00",
    )
    wrong_contact = client.post(
        STATUS, {"reference": other.reference, "contact": "lin@example.org"}
    )
    unknown = client.post(STATUS, {"reference": "V115-ZZZZZZ", "contact": "lin@example.org"})
    short_number = client.post(STATUS, {"reference": mine.reference, "contact": "8889"})
    answers = [wrong_contact, unknown, short_number]
    assert {r.status_code for r in answers} == {404}
    assert len({r.context["error"] for r in answers}) == 1
    for r in answers:
        assert "booking" not in r.context
        assert "董事會閉門會議" not in r.content.decode() and "親子音樂會" not in r.content.decode()


@override_settings(MISHU={"PUBLIC_RATE_LIMITS": {"booking_lookup": (3, 60)}})
def test_status_look_up_is_throttled(client, venue):
    booking = _booked(client, venue)
    for _guess in range(3):
        client.post(STATUS, {"reference": booking.reference, "contact": "guess@example.org"})
    right = client.post(STATUS, {"reference": booking.reference, "contact": "lin@example.org"})
    assert right.status_code == 429 and "booking" not in right.context
