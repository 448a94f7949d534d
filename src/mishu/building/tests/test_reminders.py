"""Overdue and near inspections and maintenance: the daily e-mail, the command, the list page;
the public booking form's rate limit."""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from mishu.building.models import MaintenanceTask
from mishu.building.services.reminders import send_reminders
from mishu.core.testing import division, post_public_form
from mishu.venues.models import Booking, Venue

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2019, 9, 10)


@pytest.fixture
def tasks():
    ch = division("city-hall")

    def task(title, due, done=None, div=ch):
        return MaintenanceTask.objects.create(
            division=div, system="elevator", title=title, due_on=due, done_on=done
        )

    return {
        "late": task("電梯定期安全檢查", datetime.date(2019, 8, 31)),
        "done": task("擦窗機定期檢查", datetime.date(2019, 8, 20), datetime.date(2019, 8, 19)),
        "near": task("消防安全設備檢修申報", datetime.date(2019, 9, 15)),
        "far": task("室內空氣品質定期檢測", datetime.date(2019, 12, 31)),
        "other": task("他處的檢查", datetime.date(2019, 8, 1), div=division("media")),
    }


def test_reminder_lists_overdue_and_near_once_per_person(tasks, make_user):
    clerk = make_user("city-hall", ["clerk"], email="clerk@example.org")
    boss = make_user("city-hall", ["supervisor"], email="boss@example.org")
    make_user("city-hall", ["clerk"], email="gone@example.org", is_active=False)
    media = make_user("media", ["clerk"], email="media@example.org")
    assert send_reminders(TODAY) == 3
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {clerk.email, boss.email, media.email}
    body = by_person[clerk.email].body
    assert "電梯定期安全檢查" in body and "逾期 10 天" in body
    assert "消防安全設備檢修申報" in body
    assert "擦窗機定期檢查" not in body  # done
    assert "室內空氣品質定期檢測" not in body  # not due within 7 days
    assert "他處的檢查" not in body  # another division's
    assert "他處的檢查" in by_person[media.email].body


def test_command_runs_the_reminder(tasks, make_user):
    make_user("city-hall", ["clerk"], email="clerk@example.org")
    out = StringIO()
    call_command("facility_reminders", "--date", "108/9/10", stdout=out)
    assert len(mail.outbox) == 1 and "1 e-mails" in out.getvalue()


def test_overdue_page_flags_overdue_tasks(tasks, make_user, client_for):
    client = client_for(make_user("city-hall", ["clerk"]))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = client.get(reverse("building:maintenance_overdue")).content.decode()
    # the tasks are in 2019: every open one is overdue today
    assert "電梯定期安全檢查" in text and "Overdue by" in text
    assert "擦窗機定期檢查" not in text and "他處的檢查" not in text


def test_beat_schedules_the_reminder():
    tasks = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "mishu.building.tasks.daily_reminders" in tasks


@override_settings(MISHU={**settings.MISHU, "PUBLIC_RATE_LIMITS": {"booking": (2, 60)}})
def test_public_booking_form_is_rate_limited(client):
    venue = Venue.objects.create(division=division("city-hall"), name="1 樓中庭")
    day = timezone.localdate() + datetime.timedelta(days=14)

    def apply(start, end):
        data = {
            "venue": venue.pk,
            "title": "講座",
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
        return post_public_form(client, reverse("venues:book"), data)

    assert apply("09:00", "10:00").status_code == 200
    assert apply("10:00", "11:00").status_code == 200
    over = apply("11:00", "12:00")
    assert over.status_code == 429
    assert "申請次數過多" in over.content.decode()
    assert Booking.objects.count() == 2


def test_celery_task_sends_todays_reminders(tasks, make_user):
    from mishu.building.tasks import daily_reminders

    make_user("city-hall", ["supervisor"], email="boss@example.org")
    assert daily_reminders.apply().get() == 1  # today every open 2019 task is overdue
    assert "電梯定期安全檢查" in mail.outbox[0].body
