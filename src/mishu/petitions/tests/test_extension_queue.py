"""An extension a clerk cannot decide goes to the supervisor's queue (待核) instead of being
refused; the supervisor approves or rejects it with a note; both are events of the case."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mishu.petitions import inbox, services
from mishu.petitions.choices import EventAction, ExtensionStatus, Status
from mishu.petitions.models import ExtensionRequest

from .factories import agency, file_case

pytestmark = pytest.mark.django_db
D = datetime.date


def _assigned(**fields):
    case = file_case(received_on=D(2019, 7, 1), **fields)  # deadline 108-07-09
    services.act(case, EventAction.ASSIGNED, agency=agency(), on=D(2019, 7, 1))
    return case


def _ask(case, clerk, days=5):
    return services.act(
        case,
        EventAction.EXTENDED,
        clerk,
        days=days,
        reason="需會勘",
        petitioner_told=True,
        on=D(2019, 7, 2),
    )


def test_a_clerks_extension_waits_for_the_supervisor_and_appears_in_their_queue(make_user):
    clerk = make_user("confidential", ["clerk"])
    boss = make_user("confidential", ["supervisor"])
    other_boss = make_user("media", ["supervisor"])
    case = _assigned()
    event = _ask(case, clerk)
    assert event.action == EventAction.EXTENSION_ASKED and event.user == clerk
    case.refresh_from_db()
    assert case.deadline == D(2019, 7, 9)  # nothing moves until it is decided
    request = ExtensionRequest.objects.get()
    assert (request.status, request.days, request.requested_by) == ("requested", 5, clerk)
    # a second request while one waits is refused, and nothing is written
    with pytest.raises(ValidationError):
        _ask(case, clerk, days=3)
    assert ExtensionRequest.objects.count() == 1
    # in the supervisor's 待核, not in another division's nor the clerk's
    queue = inbox.review(boss, D(2019, 7, 2))
    assert queue.count == 1 and case.number in queue.items[0].title
    assert inbox.review(other_boss, D(2019, 7, 2)).count == 0
    assert inbox.review(clerk, D(2019, 7, 2)).count == 0


def test_the_supervisor_approves_with_a_note_and_the_deadline_moves(make_user):
    clerk = make_user("confidential", ["clerk"])
    boss = make_user("confidential", ["supervisor"])
    case = _assigned()
    _ask(case, clerk)
    request = ExtensionRequest.objects.get()
    with pytest.raises(PermissionDenied):
        services.decide_extension(request, True, clerk, "自己核准")
    with pytest.raises(ValidationError) as exc:
        services.decide_extension(request, True, boss, "  ")
    assert "decision_note" in exc.value.message_dict
    event = services.decide_extension(request, True, boss, "同意，請於期限內回覆", on=D(2019, 7, 3))
    case.refresh_from_db()
    request.refresh_from_db()
    assert case.deadline == D(2019, 7, 16)  # 5 working days after 108-07-09
    assert request.status == ExtensionStatus.APPROVED and request.decided_by == boss
    assert event.action == EventAction.EXTENDED and event.user == boss
    assert event.note == "同意，請於期限內回覆"
    with pytest.raises(ValidationError):  # decided once
        services.decide_extension(request, False, boss, "再議")
    assert inbox.review(boss, D(2019, 7, 3)).count == 0


def test_a_rejection_keeps_the_deadline_and_is_an_event(make_user):
    clerk = make_user("confidential", ["clerk"])
    boss = make_user("confidential", ["supervisor"])
    case = _assigned()
    _ask(case, clerk)
    services.decide_extension(ExtensionRequest.objects.get(), False, boss, "尚可依限辦結")
    case.refresh_from_db()
    assert case.deadline == D(2019, 7, 9)
    assert case.events.last().action == EventAction.EXTENSION_REFUSED
    assert ExtensionRequest.objects.get().status == ExtensionStatus.REJECTED


def test_decision_through_the_case_page(make_user, client_for):
    clerk = make_user("confidential", ["clerk"])
    boss = make_user("confidential", ["supervisor"])
    case = _assigned()
    _ask(case, clerk)
    request = ExtensionRequest.objects.get()
    page = client_for(boss).get(case.get_absolute_url()).content.decode()
    decide = reverse("petitions:extension_decide", args=[request.pk])
    assert decide in page
    # the actions come before the record's fields
    assert page.index(decide) < page.index('<dl class="detail">')
    client_for(boss).post(decide, {"approve": "1", "note": "同意"})
    request.refresh_from_db()
    assert request.status == ExtensionStatus.APPROVED


def test_a_closed_case_shows_no_action_form(make_user, client_for):
    clerk = make_user("confidential", ["clerk"])
    case = _assigned()
    services.act(case, EventAction.REPLIED, reply="已處理", on=D(2019, 7, 3))
    services.act(case, EventAction.CLOSED, on=D(2019, 7, 4))
    assert case.status == Status.CLOSED
    page = client_for(clerk).get(case.get_absolute_url()).content.decode()
    assert reverse("petitions:case_action", args=[case.pk]) not in page
    open_case = _assigned()
    page = client_for(clerk).get(open_case.get_absolute_url()).content.decode()
    action = reverse("petitions:case_action", args=[open_case.pk])
    assert action in page and page.index(action) < page.index('<dl class="detail">')
    assert "1 個工作日" in page or "1 working day" in page  # the note on reassignment
