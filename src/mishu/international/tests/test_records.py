"""Delegations, trips, sister cities and meetings: validation, the figures and sentences the
report reads, permissions by division, the overdue trip reports and their reminder."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.international.choices import MeetingKind, Stage
from mishu.international.models import AgreementStage, Attendance, Delegation, SisterCity
from mishu.international.reminders import send_reminders
from mishu.reports import sources

from .factories import D, delegation, meeting, trip

pytestmark = pytest.mark.django_db
H2 = Period.parse("108H2")


def test_delegations_count_and_the_named_ones_are_listed():
    delegation(
        D(2019, 7, 24),
        6,
        country="日本",
        organisation="交流協會",
        leader_title="會長",
        leader="大橋光夫",
        named_in_report=True,
    )
    delegation(
        D(2019, 9, 17), 15, name="大達拉斯地區經濟發展訪問團", leader="", named_in_report=True
    )
    delegation(D(2019, 8, 1), 4)
    delegation(D(2019, 6, 30), 99)  # first half
    delegation(D(2019, 8, 1), 50, div="media")  # counted for the organisation as well
    assert registry.value("international.delegations", H2) == 4
    assert registry.value("international.delegation_persons", H2) == 75
    assert registry.value("international.delegations", Period.parse("107H2")) is None
    names = sources.get("international.delegations")(H2, None, named="yes", pattern="{name}")
    assert names == ["日本交流協會會長大橋光夫", "美國大達拉斯地區經濟發展訪問團"]
    with pytest.raises(ValueError):
        sources.get("international.delegations")(H2, None, named="maybe")


def test_delegation_needs_a_leader_or_name_and_ordered_dates():
    d = Delegation(
        division=division("international"),
        received_on=D(2019, 7, 2),
        end_on=D(2019, 7, 1),
        country="日本",
        size=3,
    )
    with pytest.raises(ValidationError) as exc:
        d.full_clean()
    assert {"end_on", "leader"} <= set(exc.value.message_dict)


def test_trip_sentence_and_report_due_three_months_after_return():
    t = trip(
        D(2019, 11, 30),
        D(2019, 11, 30),
        leader="黃副市長珊珊",
        led_delegation=True,
        destinations="上海市",
        purpose="出席馬拉松",
    )
    assert t.report_due == D(2020, 2, 29)  # the month's last day when shorter
    assert sources.get("international.trips")(H2) == [
        "108年11月30日黃副市長珊珊率團赴上海市出席馬拉松。"
    ]


def test_agreement_stages_in_period_then_later_ones_in_brackets():
    intl = division("international")
    prague = SisterCity.objects.create(division=intl, name="捷克布拉格", country="捷克")
    for stage, day, month_only in (
        (Stage.COUNCIL_APPROVED, D(2019, 12, 24), False),
        (Stage.EY_SUBMITTED, D(2019, 12, 31), True),
        (Stage.SIGNED, D(2020, 1, 13), False),
    ):
        AgreementStage.objects.create(
            division=intl, city=prague, stage=stage, date=day, month_only=month_only
        )
    assert sources.get("international.agreements")(H2) == [
        "本市與捷克布拉格締結姊妹市案於108年12月24日經貴會審議通過，108年12月函送行政院核定"
        "（業於109年1月13日完成姊妹市盟約簽署）。"
    ]
    assert sources.get("international.agreements")(Period.parse("108H1")) == []
    backwards = AgreementStage(
        division=intl, city=prague, stage=Stage.COUNCIL_SUBMITTED, date=D(2020, 2, 1)
    )
    with pytest.raises(ValidationError, match="依序"):
        backwards.full_clean()


def test_meeting_sentence_counts_its_attendance():
    intl = division("international")
    m = meeting(
        D(2019, 12, 12),
        MeetingKind.COMMITTEE,
        title="本府國際事務委員會第 4 次會議",
        summary="會中由觀傳局簡報",
    )
    Attendance.objects.create(division=intl, meeting=m, unit="委員", persons=5)
    Attendance.objects.create(
        division=intl, meeting=m, unit="甲國代表處", persons=2, foreign_mission=True
    )
    Attendance.objects.create(
        division=intl, meeting=m, unit="乙國代表處", persons=1, foreign_mission=True
    )
    meeting(D(2019, 8, 28), MeetingKind.TRAINING, title="國際事務研習班")
    listed = sources.get("international.meetings")(H2, None, kind="committee")
    assert listed == [
        "108年12月12日召開本府國際事務委員會第 4 次會議，會中由觀傳局簡報，計有國內外貴賓 8 位"
        "出席，並有來自 2 個駐華單位之 3 位代表與會。"
    ]
    with pytest.raises(ValueError, match="未知的會議類別"):
        sources.get("international.meetings")(H2, None, kind="party")
    other = meeting(D(2019, 8, 1), div="media", title="他組會議")
    row = Attendance(division=intl, meeting=other, unit="x", persons=1)
    with pytest.raises(ValidationError):
        row.full_clean()


def test_division_writes_others_do_not_and_the_evaluator_reads(make_user, client_for):
    d = delegation(D(2019, 7, 24), 6)
    mine = client_for(make_user("international", ["clerk"]))
    assert mine.get(d.get_absolute_url()).status_code == 200
    form = {
        "division": division("international").pk,
        "received_on": "108/8/1",
        "country": "日本",
        "leader": "示範",
        "size": "3",
    }
    assert mine.post(reverse("international:delegation_add"), form).status_code == 302
    assert Delegation.objects.count() == 2
    mine.logout()
    other = client_for(make_user("media", ["clerk"]))
    assert other.get(d.get_absolute_url()).status_code == 404
    other.post(reverse("international:delegation_add"), form)
    assert Delegation.objects.count() == 2
    other.logout()
    evaluator = client_for(make_user("general-affairs", ["evaluator"]))
    assert evaluator.get(d.get_absolute_url()).status_code == 200
    assert evaluator.get(reverse("international:delegation_edit", args=[d.pk])).status_code == 404


def test_related_choices_are_limited_to_the_users_division(make_user, client_for):
    SisterCity.objects.create(division=division("international"), name="捷克布拉格", country="捷克")
    SisterCity.objects.create(division=division("media"), name="他組城市", country="某國")
    page = (
        client_for(make_user("international", ["clerk"]))
        .get(reverse("international:delegation_add"))
        .content.decode()
    )
    assert "捷克布拉格" in page and "他組城市" not in page


def test_overdue_trip_reports_page_reminder_and_command(make_user, client_for):
    late = trip(D(2019, 7, 1), D(2019, 7, 5), purpose="出席高峰會")
    trip(D(2019, 7, 1), D(2019, 7, 5), purpose="已交報告", report_submitted_on=D(2019, 8, 1))
    trip(D(2019, 9, 1), D(2019, 9, 5), purpose="尚未到期")
    clerk = make_user("international", ["clerk"], email="intl@example.org")
    make_user("media", ["clerk"], email="media@example.org")
    today = D(2019, 11, 10)
    assert send_reminders(today) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == [clerk.email]
    assert "出席高峰會" in body and "逾期 36 天" in body
    assert "已交報告" not in body and "尚未到期" not in body
    out = StringIO()
    call_command("trip_reminders", "--date", "108/11/10", stdout=out)
    assert "1 e-mails" in out.getvalue()
    page = client_for(clerk).get(reverse("international:trip_overdue")).content.decode()
    assert "出席高峰會" in page and "已交報告" not in page
    assert late.is_report_overdue(today) and not late.is_report_overdue(datetime.date(2019, 10, 5))
