import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mishu.core.models import ObjectChange
from mishu.documents import services, workflow
from mishu.documents.models import Document
from mishu.documents.testing import advance

D = datetime.date


def test_numbers_share_one_sequence_and_restart_each_year(incoming, org):
    a = services.register(incoming())
    b = services.register(
        Document(
            division=org["documents"],
            office="city",
            direction="outgoing",
            subject="函送資料",
            registered_on=D(2019, 7, 2),
        )
    )
    c = services.register(incoming(received_on=D(2020, 1, 2)))
    assert a.number == "府秘文字第1080000001號"
    assert b.number == "府秘文字第1080000002號"  # outgoing shares the incoming sequence
    assert c.number == "府秘文字第1090000001號"  # the serial restarts in 109
    assert b.state == "drafting" and a.state == "received"


def test_deadline_from_speed_class_on_working_days(incoming):
    assert services.register(incoming()).deadline == D(2019, 7, 9)  # 6 working days
    # 108/9/12 Thu; 9/13 中秋節 and the weekend are not working days
    doc = services.register(incoming(received_on=D(2019, 9, 12), speed="most_urgent"))
    assert doc.deadline == D(2019, 9, 16)
    assert services.register(incoming(speed="urgent")).deadline == D(2019, 7, 4)


def test_stated_deadline_overrides_and_project_control_runs_30_days(incoming):
    assert services.register(incoming(stated_deadline=D(2019, 7, 20))).deadline == D(2019, 7, 20)
    assert services.register(incoming(project_control=True)).deadline == D(2019, 7, 31)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"stated_deadline": D(2019, 6, 30)}, "stated_deadline"),
        ({"sender": None}, "sender"),
        ({"received_on": None}, "received_on"),
    ],
)
def test_bad_input_names_the_field(incoming, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        services.register(incoming(**kwargs))
    assert field in exc.value.message_dict
    assert not Document.objects.exists()


def test_duplicate_number_is_refused(incoming):
    services.register(incoming(serial=5))
    with pytest.raises(ValidationError) as exc:
        services.register(incoming(serial=5))
    assert "number" in exc.value.message_dict
    # an explicit serial moves the sequence on, so the next number does not collide
    assert services.register(incoming()).serial == 6


def test_workflow_transitions_are_data_and_logged(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    doc = services.register(incoming(), clerk)
    assert workflow.allowed("received") == ["assign"]
    doc = services.transition(doc, "assign", clerk, handler=clerk)
    for name in ("draft", "sign"):
        doc = services.transition(doc, name, clerk)
    boss = make_user("documents", ["supervisor"])
    doc = services.transition(doc, "approve", boss)  # 文書組 signs off before dispatch
    doc = services.transition(doc, "dispatch", clerk, on=D(2019, 7, 5))
    assert doc.state == "dispatched" and doc.dispatched_on == D(2019, 7, 5)
    assert doc.days_used == Decimal(4) and doc.timeliness == "on_time"
    names = list(doc.events.values_list("name", flat=True))
    assert names == ["registered", "assign", "draft", "sign", "approve", "dispatch"]
    assert ObjectChange.objects.filter(object_id=str(doc.pk), action="update").exists()
    with pytest.raises(ValidationError) as exc:
        services.transition(doc, "sign", clerk)
    assert "transition" in exc.value.message_dict


def test_closing_late_is_overdue_and_same_day_is_half_a_day(incoming):
    doc = services.register(incoming(speed="most_urgent"))
    doc = advance(doc, "assign", "file", on=D(2019, 7, 3))
    assert doc.timeliness == "overdue" and doc.days_used == Decimal(2)
    same = advance(services.register(incoming()), "assign", "file", on=D(2019, 7, 1))
    assert same.days_used == Decimal("0.5") and same.timeliness == "on_time"


def test_dispatch_before_receipt_is_refused(incoming):
    doc = advance(services.register(incoming()), "assign", "draft", "sign", "approve")
    with pytest.raises(ValidationError) as exc:
        services.transition(doc, "dispatch", on=D(2019, 6, 28))
    assert "dispatched_on" in exc.value.message_dict
    doc.refresh_from_db()
    assert doc.state == "approved"


def test_extension_approved_by_supervisor_moves_deadline(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    boss = make_user("documents", ["supervisor"])
    doc = services.register(incoming(), clerk)
    ext = services.request_extension(doc, D(2019, 7, 19), "需會辦各局處", clerk, on=D(2019, 7, 5))
    with pytest.raises(PermissionDenied):
        services.decide_extension(ext, True, clerk, "ok")
    with pytest.raises(ValidationError) as exc:
        services.decide_extension(ext, True, boss, "")
    assert "decision_note" in exc.value.message_dict
    services.decide_extension(ext, True, boss, "同意展期")
    doc.refresh_from_db()
    assert doc.deadline == D(2019, 7, 19)
    assert doc.events.filter(name="extended", user=boss).exists()


def test_extension_after_the_deadline_is_refused(incoming):
    doc = services.register(incoming())
    with pytest.raises(ValidationError) as exc:
        services.request_extension(doc, D(2019, 7, 30), "晚了", on=D(2019, 7, 10))
    assert "requested_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.request_extension(doc, D(2019, 7, 8), "提前", on=D(2019, 7, 2))
    assert "new_deadline" in exc.value.message_dict


def test_register_checks_the_unit(incoming, make_user):
    other = make_user("media", ["clerk"])
    with pytest.raises(PermissionDenied):
        services.register(incoming(), other)


def test_a_correction_recomputes_the_deadline_and_logs_it(incoming, make_user):
    clerk = make_user("documents", ["clerk"])
    doc = services.register(incoming(), clerk)
    assert doc.deadline == D(2019, 7, 9)  # 普通件: 6 working days after 108/7/1
    doc.received_on = D(2019, 7, 8)  # the receipt date was mistyped
    doc.speed = "urgent"
    doc = services.update(doc, clerk)
    assert doc.deadline == D(2019, 7, 11)  # 速件: 3 working days after 108/7/8
    event = doc.events.get(name="deadline_recomputed")
    assert event.user == clerk and event.note == "108 年 7 月 9 日 → 108 年 7 月 11 日"
    assert str(event.label) == str(workflow.event_label("deadline_recomputed"))


def test_a_correction_keeps_an_approved_extension_and_reclasses_a_closed_document(
    incoming, make_user
):
    boss = make_user("documents", ["supervisor"])
    doc = services.register(incoming())
    ext = services.request_extension(doc, D(2019, 7, 19), "會辦", on=D(2019, 7, 5))
    services.decide_extension(ext, True, boss, "同意")
    doc.refresh_from_db()
    doc.subject = "更正主旨"
    doc = services.update(doc, boss)
    assert doc.deadline == D(2019, 7, 19)
    doc = advance(doc, "assign", "file", on=D(2019, 7, 18))
    assert doc.timeliness == "on_time"
    # the stated deadline was 108/7/3 all along: the document was closed late
    doc.stated_deadline = D(2019, 7, 3)
    doc = services.update(doc, boss)
    assert doc.deadline == D(2019, 7, 19)  # the approved extension is later: it stands
    ext.new_deadline = D(2019, 7, 10)
    ext.save()
    doc = services.update(doc, boss)
    assert doc.deadline == D(2019, 7, 10) and doc.timeliness == "overdue"


def test_a_correction_is_refused_to_another_unit(incoming, make_user):
    doc = services.register(incoming())
    doc.subject = "改"
    with pytest.raises(PermissionDenied):
        services.update(doc, make_user("media", ["clerk"]))
