"""Venue bookings: rules, conflicts, workflow, bad input, indicators."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from mishu.core.formats import Period
from mishu.core.models import ObjectChange
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.venues.models import Booking, BookingEvent, Venue, VenueRate
from mishu.venues.services import venues as service

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2019, 7, 1)


def at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def atrium():
    return Venue.objects.create(
        division=division("city-hall"),
        name="1 樓中庭",
        report_group="1 樓中庭",
        closed_weekdays="7",
    )


def booking(venue, day, start=9, end=12, **kw):
    fields = {
        "division": venue.division,
        "venue": venue,
        "title": "講座",
        "purpose": "culture",
        "applicant": "示範協會",
        "starts": at(day, start),
        "ends": at(day, end),
    }
    fields.update(kw)
    return Booking(**fields)


def test_submit_and_approve_logs_events(atrium, make_user):
    staff = make_user("city-hall", ["clerk"])
    b = service.submit(booking(atrium, datetime.date(2019, 7, 10)), today=TODAY)
    assert b.status == "applied"
    service.transition(b, "approve", staff)
    assert [e.action for e in BookingEvent.objects.filter(booking=b)] == ["submit", "approve"]
    with pytest.raises(ValidationError):
        service.transition(b, "approve", staff)


def test_overlapping_booking_is_refused_and_nothing_written(atrium):
    service.submit(booking(atrium, datetime.date(2019, 7, 10)), today=TODAY)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        service.submit(booking(atrium, datetime.date(2019, 7, 10), 11, 14), today=TODAY)
    assert "starts" in exc.value.message_dict
    assert "already booked" in exc.value.message_dict["starts"][0]
    with translation.override("zh-hant"), pytest.raises(ValidationError) as exc:
        service.submit(booking(atrium, datetime.date(2019, 7, 10), 11, 14), today=TODAY)
    assert "已有租借" in exc.value.message_dict["starts"][0]
    assert Booking.objects.count() == 1
    # back to back is fine
    service.submit(booking(atrium, datetime.date(2019, 7, 10), 12, 14), today=TODAY)


def test_rejected_booking_frees_the_slot(atrium):
    first = service.submit(booking(atrium, datetime.date(2019, 7, 10)), today=TODAY)
    service.transition(first, "reject")
    service.submit(booking(atrium, datetime.date(2019, 7, 10)), today=TODAY)


@pytest.mark.parametrize(
    "day,start,end,field",
    [
        (datetime.date(2019, 7, 3), 9, 12, "starts"),  # too soon
        (datetime.date(2019, 12, 30), 9, 12, "starts"),  # too far ahead
        (datetime.date(2019, 7, 14), 9, 12, "starts"),  # a Sunday: closed
        (datetime.date(2019, 7, 10), 6, 9, "ends"),  # before opening
    ],
)
def test_rules(atrium, day, start, end, field):
    with pytest.raises(ValidationError) as exc:
        service.submit(booking(atrium, day, start, end), today=TODAY)
    assert field in exc.value.message_dict
    assert not Booking.objects.exists()


def test_purpose_not_allowed(atrium):
    atrium.purposes = "promotion"
    atrium.save()
    with pytest.raises(ValidationError) as exc:
        service.submit(booking(atrium, datetime.date(2019, 7, 10)), today=TODAY)
    assert "purpose" in exc.value.message_dict


def test_negative_fee_refused(atrium):
    with pytest.raises(ValidationError) as exc:
        service.submit(booking(atrium, datetime.date(2019, 7, 10), fee=Decimal(-1)), today=TODAY)
    assert "fee" in exc.value.message_dict
    assert not Booking.objects.exists()


def test_contact_details_are_masked_in_the_log(atrium):
    b = service.submit(
        booking(atrium, datetime.date(2019, 7, 10), contact_phone="0912345678"), today=TODAY
    )
    changes = ObjectChange.objects.filter(object_id=str(b.pk)).values_list("changes", flat=True)
    assert "0912345678" not in str(list(changes))


def test_indicators_count_approved_bookings_by_group(atrium):
    plaza = Venue.objects.create(division=atrium.division, name="市民廣場", report_group="市民廣場")
    VenueRate.objects.create(division=atrium.division, venue=atrium, label="半日", amount=6500)
    a = service.submit(
        booking(atrium, datetime.date(2019, 7, 10), stage=True, saving=Decimal(20000)),
        today=TODAY,
    )
    service.transition(a, "approve")
    service.submit(booking(plaza, datetime.date(2019, 7, 10)), today=TODAY)  # not approved
    period = Period.parse("108H2")
    assert registry.value("city_hall.venue_bookings", period) == 1
    assert registry.value("city_hall.venue_bookings", period, venue="1 樓中庭") == 1
    assert registry.value("city_hall.venue_fees", period) == 6500
    assert registry.value("city_hall.stage_setups", period) == 1
    assert registry.value("city_hall.stage_savings", period) == 20000
    assert registry.breakdown("city_hall.venue_bookings", period).get("1 樓中庭") == 1


def test_bookable_hours_skip_closed_days(atrium):
    # 08:00-22:00 = 14 h a day; 7-13 July 2019 has one Sunday
    assert atrium.bookable_hours(datetime.date(2019, 7, 7), datetime.date(2019, 7, 13)) == 84
