"""Fees from the venue's schedule; the applicant's e-mail on approval or rejection."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mishu.core.models import Agency
from mishu.core.testing import division, post_public_form
from mishu.venues.models import Booking, Venue, VenueRate
from mishu.venues.services import fees
from mishu.venues.services import venues as service

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2019, 7, 1)
DAY = datetime.date(2019, 7, 10)
HALF, FULL = Decimal(6500), Decimal(13000)


def at(hour):
    return timezone.make_aware(datetime.datetime.combine(DAY, datetime.time(hour)))


@pytest.fixture
def plaza():
    venue = Venue.objects.create(division=division("city-hall"), name="市民廣場")
    for label, amount, hours in (("半日", HALF, 4), ("全日", FULL, 8)):
        VenueRate.objects.create(
            division=venue.division, venue=venue, label=label, amount=amount, hours=hours
        )
    return venue


def application(venue, start=9, end=12, **kw):
    fields = {
        "division": venue.division,
        "venue": venue,
        "title": "親子音樂會",
        "purpose": "culture",
        "applicant": "示範協會",
        "contact_name": "林小姐",
        "contact_email": "lin@example.org",
        "starts": at(start),
        "ends": at(end),
    }
    fields.update(kw)
    return Booking(**fields)


@pytest.mark.parametrize(
    "start,end,sessions,label",
    [
        (9, 12, 1, "半日"),  # 3 h: one half day
        (9, 13, 1, "半日"),  # 4 h: exactly one half day
        (9, 14, 1, "全日"),  # 5 h: two half days or one full day cost the same: fewer sessions
        (8, 20, 3, "半日"),  # 12 h: 3 half days (19,500) are cheaper than 2 full days (26,000)
    ],
)
def test_fee_is_the_cheapest_sessions_times_rate(plaza, start, end, sessions, label):
    rate = {"半日": HALF, "全日": FULL}[label]
    quote = fees.quote(application(plaza, start, end))
    assert (quote.sessions, quote.label, quote.fee) == (sessions, label, sessions * rate)


def test_approval_computes_the_fee_and_staff_see_how(plaza, make_user, client_for):
    b = service.submit(application(plaza, 9, 13), today=TODAY)
    assert b.fee == HALF  # the estimate
    b.fee = 0  # whatever stood before, approval computes it from the schedule
    b.save()
    service.transition(b, "approve")
    b.refresh_from_db()
    assert (b.fee, b.fee_sessions, b.fee_rate, b.fee_rate_label) == (HALF, 1, HALF, "半日")
    client = client_for(make_user("city-hall", ["clerk"]))
    text = client.get(b.get_absolute_url()).content.decode()
    assert "NT$6,500（1 × 半日 NT$6,500 = NT$6,500）" in text
    assert "這段時間應收" not in text
    # staff lengthen the event afterwards: the page says what the schedule would charge now
    b.ends = at(17)
    b.save()
    text = client.get(b.get_absolute_url()).content.decode()
    assert "依目前收費標準，這段時間應收 NT$13,000" in text


def test_agency_promotion_is_exempt_the_public_pays(plaza):
    agency = Agency.objects.order_by("pk").first()
    exempt = fees.quote(
        application(plaza, applicant_kind="agency", agency=agency, purpose="promotion")
    )
    assert exempt.exempt and exempt.fee == 0 and exempt.sessions == 1
    culture = fees.quote(application(plaza, applicant_kind="agency", agency=agency))
    assert not culture.exempt and culture.fee == HALF
    public = fees.quote(application(plaza, purpose="promotion"))
    assert not public.exempt and public.fee == HALF
    plaza.fee_exempt_purposes = ""  # the schedule exempts nobody
    assert fees.quote(application(plaza, applicant_kind="agency", purpose="promotion")).fee == HALF


def test_no_schedule_no_fee():
    venue = Venue.objects.create(division=division("city-hall"), name="東側廣場")
    b = service.submit(application(venue), today=TODAY)
    assert b.fee == 0 and b.fee_rate is None


def test_negative_rate_and_fee_refused(plaza):
    rate = VenueRate(division=plaza.division, venue=plaza, label="錯誤", amount=-1, hours=4)
    with pytest.raises(ValidationError) as exc:
        rate.full_clean()
    assert "amount" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        application(plaza, fee=Decimal(-100)).full_clean()
    assert "fee" in exc.value.message_dict
    plaza.fee_exempt_purposes = "nonsense"
    with pytest.raises(ValidationError):
        plaza.full_clean()


def test_approval_mail_in_chinese_after_commit(plaza, django_capture_on_commit_callbacks):
    b = service.submit(application(plaza, 9, 13), today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        service.transition(b, "approve")
    assert len(mail.outbox) == 1
    msg = mail.outbox[0]
    assert msg.to == ["lin@example.org"]
    assert "核准" in msg.subject and "市民廣場" in msg.subject
    assert "108/07/10 09:00–13:00" in msg.body
    assert "NT$6,500" in msg.body and "親子音樂會" in msg.body


def test_rejection_mail_gives_the_reason_agency_contact(plaza, django_capture_on_commit_callbacks):
    agency = Agency.objects.order_by("pk").first()
    b = service.submit(
        application(
            plaza, applicant_kind="agency", agency=agency, contact_email="contact@gov.example"
        ),
        today=TODAY,
    )
    with django_capture_on_commit_callbacks(execute=True):
        service.transition(b, "reject", note="當日已有市府活動")
    assert [m.to for m in mail.outbox] == [["contact@gov.example"]]
    assert "未獲核准" in mail.outbox[0].subject
    assert "當日已有市府活動" in mail.outbox[0].body


def test_no_mail_when_the_decision_is_rolled_back(plaza, django_capture_on_commit_callbacks):
    b = service.submit(application(plaza), today=TODAY)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            service.transition(b, "approve")
            raise RuntimeError("something later fails")
    assert callbacks == [] and mail.outbox == []
    b.refresh_from_db()
    assert b.status == "applied"


def test_public_confirmation_shows_the_estimate(client, plaza):
    day = timezone.localdate() + datetime.timedelta(days=14)
    response = post_public_form(
        client,
        reverse("venues:book"),
        {
            "consent": "on",
            "venue": plaza.pk,
            "title": "親子音樂會",
            "purpose": "culture",
            "applicant": "示範協會",
            "contact_name": "林小姐",
            "contact_phone": "02-1234",
            "contact_email": "a@example.org",
            "date": day.isoformat(),
            "start": "09:00",
            "end": "17:00",
        },
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "13,000" in text and Booking.objects.get().fee == FULL
