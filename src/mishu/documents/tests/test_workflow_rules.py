"""The workflow guides: 分文 to a chosen handler of the receiving unit (a no-op is refused, not
logged), only the steps the state allows, the supervisor's sign-off before dispatch where the
unit requires it, the actions at the top of the page and none on a closed document."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from mishu.documents import services, workflow
from mishu.documents.testing import advance

D = datetime.date


def test_assignment_names_a_handler_of_the_receiving_unit(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    outsider = make_user("media", ["clerk"])
    doc = services.register(incoming(), clerk)
    with pytest.raises(ValidationError) as exc:
        services.transition(doc, "assign", clerk)
    assert "handler" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.transition(doc, "assign", clerk, handler=outsider)
    assert "handler" in exc.value.message_dict
    assert list(doc.events.values_list("name", flat=True)) == ["registered"]
    doc = services.transition(doc, "assign", clerk, handler=clerk)
    assert doc.state == "assigned" and doc.handler == clerk
    event = doc.events.last()
    assert (event.name, event.user) == ("assign", clerk) and str(clerk) in event.note
    # once assigned, 分文 is no longer offered; 改分 is
    assert "assign" not in services.available(doc, clerk)
    assert "reassign" in services.available(doc, clerk)


def test_a_no_op_assignment_is_refused_and_not_logged(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    colleague = make_user("documents", ["clerk"])
    doc = advance(services.register(incoming()), "assign", handler=clerk)
    events = doc.events.count()
    with pytest.raises(ValidationError):  # 分文 again: the state does not allow it
        services.transition(doc, "assign", clerk, handler=clerk)
    with pytest.raises(ValidationError) as exc:  # 改分 to the same handler changes nothing
        services.transition(doc, "reassign", clerk, handler=clerk)
    assert "handler" in exc.value.message_dict
    assert doc.events.count() == events
    doc = services.transition(doc, "reassign", clerk, handler=colleague)
    assert doc.handler == colleague and doc.state == "assigned"
    assert doc.events.last().name == "reassign"


def test_the_supervisor_signs_off_before_dispatch_where_the_unit_requires_it(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    boss = make_user("documents", ["supervisor"])
    doc = advance(services.register(incoming()), "assign", "draft", "sign", user=clerk)
    assert services.available(doc, clerk) == ["return", "file"]  # no dispatch, no 決行
    assert services.available(doc, boss) == ["approve", "return", "file"]
    with pytest.raises(ValidationError):
        services.transition(doc, "dispatch", clerk, on=D(2019, 7, 5))
    with pytest.raises(PermissionDenied):
        services.transition(doc, "approve", clerk)
    doc = services.transition(doc, "approve", boss)
    assert doc.state == "approved" and doc.events.last().user == boss
    assert "dispatch" in services.available(doc, clerk)
    doc = services.transition(doc, "dispatch", clerk, on=D(2019, 7, 5))
    assert doc.state == "dispatched"
    assert services.available(doc, boss) == []


@override_settings(MISHU={"DISPATCH_APPROVAL_DIVISIONS": ["city-hall"]})
def test_a_unit_without_sign_off_dispatches_from_signing(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    assert not workflow.needs_approval("documents") and workflow.needs_approval("city-hall")
    doc = advance(services.register(incoming()), "assign", "draft", "sign", user=clerk)
    assert services.available(doc, clerk) == ["return", "dispatch", "file"]
    with pytest.raises(ValidationError):  # no such step here
        services.transition(doc, "approve", clerk)
    assert services.transition(doc, "dispatch", clerk, on=D(2019, 7, 5)).state == "dispatched"


def test_every_step_has_a_note_and_a_closed_document_allows_none():
    for name, (_sources, _target, label, note, _role) in workflow.TRANSITIONS.items():
        assert str(label) and str(note), name
    assert workflow.allowed("dispatched") == [] and workflow.allowed("filed") == []


def test_actions_at_the_top_with_handlers_and_none_on_a_closed_document(
    incoming, make_user, client_for
):
    clerk = make_user("documents", ["clerk"], first_name="文", last_name="書")
    make_user("media", ["clerk"], first_name="媒", last_name="體")
    doc = services.register(incoming(), clerk)
    page = client_for(clerk).get(doc.get_absolute_url()).content.decode()
    action = reverse("documents:document_transition", args=[doc.pk])
    assert page.index(action) < page.index('<dl class="detail">')
    assert 'name="handler"' in page and "文 書" in page and "媒 體" not in page
    assert 'value="draft"' not in page  # only what the state allows
    client_for(clerk).post(action, {"transition": "assign", "handler": clerk.pk})
    doc.refresh_from_db()
    assert doc.handler == clerk and doc.state == "assigned"
    closed = advance(doc, "file", on=D(2019, 7, 3))
    page = client_for(clerk).get(closed.get_absolute_url()).content.decode()
    assert action not in page
    assert reverse("documents:extension_request", args=[doc.pk]) not in page
