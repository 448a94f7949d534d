"""The petition workflow: deadlines in working days, transitions, extensions, reassignment,
declining with a reason, repeated petitions and anonymisation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from mishu.core.models import ObjectChange
from mishu.petitions import services, workflow
from mishu.petitions.choices import EventAction, Status
from mishu.petitions.models import PetitionCase

from .factories import agency, file_case

pytestmark = pytest.mark.django_db
D = datetime.date


def test_deadline_is_six_working_days_after_receipt_and_number_restarts_yearly():
    case = file_case(received_on=D(2019, 7, 1))  # a Monday
    assert case.deadline == D(2019, 7, 9)
    assert case.number == "P108000001"
    assert file_case(received_on=D(2019, 7, 2)).number == "P108000002"
    assert file_case(received_on=D(2020, 1, 2)).number == "P109000001"
    assert case.events.get().action == EventAction.RECEIVED


def test_full_workflow_logs_each_event():
    case = file_case()
    services.act(case, EventAction.ASSIGNED, agency=agency(), on=D(2019, 7, 1))
    services.act(case, EventAction.STARTED)
    services.act(case, EventAction.REPLIED, reply="已修復。", on=D(2019, 7, 3))
    services.act(case, EventAction.CLOSED, satisfaction="5", on=D(2019, 7, 4))
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.reply == "已修復。" and case.satisfaction == "5"
    assert [e.action for e in case.events.all()] == [
        "received",
        "assigned",
        "started",
        "replied",
        "closed",
    ]


def test_transitions_not_allowed_are_refused_with_a_message():
    case = file_case()
    with translation.override("en"), pytest.raises(ValidationError, match="cannot be"):
        services.act(case, EventAction.CLOSED)
    assert workflow.allowed(Status.RECEIVED) == [EventAction.ASSIGNED, EventAction.DECLINED]
    with pytest.raises(ValidationError) as exc:
        services.act(case, EventAction.ASSIGNED)
    assert "agency" in exc.value.message_dict


def test_extension_needs_reason_petitioner_told_and_must_come_before_the_deadline(make_user):
    case = file_case(received_on=D(2019, 7, 1))
    services.act(case, EventAction.ASSIGNED, agency=agency(), on=D(2019, 7, 1))
    clerk = make_user("confidential", ["clerk"])
    # a clerk's extension is not refused: it waits for the supervisor (see test_extension_queue)
    event = services.act(
        case,
        EventAction.EXTENDED,
        clerk,
        days=5,
        reason="x",
        petitioner_told=True,
        on=D(2019, 7, 2),
    )
    assert event.action == EventAction.EXTENSION_ASKED
    case.refresh_from_db()
    assert case.deadline == D(2019, 7, 9)
    with pytest.raises(ValidationError) as exc:
        services.act(case, EventAction.EXTENDED, days=5, on=D(2019, 7, 2))
    assert "reason" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.act(case, EventAction.EXTENDED, days=5, reason="需會勘", on=D(2019, 7, 2))
    assert "petitioner_told" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.act(
            case, EventAction.EXTENDED, days=5, reason="x", petitioner_told=True, on=D(2019, 7, 10)
        )
    boss = make_user("confidential", ["supervisor"])
    services.act(
        case,
        EventAction.EXTENDED,
        boss,
        days=5,
        reason="需會勘",
        petitioner_told=True,
        on=D(2019, 7, 2),
    )
    case.refresh_from_db()
    assert case.deadline == D(2019, 7, 16) and case.extension_reason == "需會勘"


def test_reassignment_is_logged_and_late_ones_are_marked():
    case = file_case()
    services.act(case, EventAction.ASSIGNED, agency=agency("工務局"))
    event = services.act(case, EventAction.REASSIGNED, agency=agency())
    assert event.agency.short_name == "都發局" and event.note == ""
    with pytest.raises(ValidationError):
        services.act(case, EventAction.REASSIGNED, agency=agency())
    late = services.act(
        case,
        EventAction.REASSIGNED,
        agency=agency("交通局"),
        on=datetime.date.today() + datetime.timedelta(days=10),
    )
    assert late.note == gettext("reassigned late")


def test_declined_case_stays_registered_with_its_reason_and_repeat_links():
    first = file_case()
    again = file_case(repeat_of=first)
    with pytest.raises(ValidationError):
        services.act(again, EventAction.DECLINED)
    services.act(again, EventAction.DECLINED, reason="repeated")
    again.refresh_from_db()
    assert again.status == Status.DECLINED and PetitionCase.objects.count() == 2
    assert list(first.repeats.all()) == [again]


def test_personal_data_never_enters_the_change_log():
    case = file_case()
    for change in ObjectChange.objects.filter(object_id=str(case.pk)):
        assert "王小明" not in str(change.changes)


@override_settings(MISHU={"PETITION_RETENTION_DAYS": 30})
def test_anonymise_after_retention():
    old, recent = file_case(), file_case()
    for case, closed in ((old, D(2019, 7, 10)), (recent, D(2019, 8, 20))):
        services.act(case, EventAction.DECLINED, reason="anonymous", on=closed)
    assert services.anonymise(today=D(2019, 9, 1)) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.petitioner_name == "" and old.anonymised_on == D(2019, 9, 1)
    assert recent.petitioner_name == "王小明"
    assert services.anonymise(today=D(2019, 9, 1)) == 0
