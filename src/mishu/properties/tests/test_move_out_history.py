"""Move-out (page and API), the rooms' dated status history, the e-mailed notice of allocation,
and the family quarters counted from the buildings."""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mishu.core.formats import Period
from mishu.core.models import ObjectChange
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.properties.models import Allocation, Building, DormBuilding, Room, RoomStatusChange
from mishu.properties.services import dormitory as service

pytestmark = pytest.mark.django_db
D = datetime.date
LENT, APPLYING, VACANT = "已提供借用", "申請配借中", "空置"


@pytest.fixture
def room():
    ga = division("general-affairs")
    building = DormBuilding.objects.create(division=ga, name="西園")
    room = Room(division=ga, building=building, number="201")
    room.save(status_since=D(2015, 1, 1))
    return room


def resident(room):
    """王小明, notified of `room` on 108/7/5, moved in on 108/7/11."""
    a = Allocation.objects.create(
        division=room.division, applicant="王小明", applied_on=D(2019, 7, 1)
    )
    service.notify(a, room, D(2019, 7, 5))
    service.move_in(a, D(2019, 7, 11))
    return a


def rooms(period, status=None):
    kwargs = {"status": status} if status else {}
    return registry.value("dormitory.rooms", Period.parse(period), **kwargs)


def test_history_follows_the_steps_and_past_periods_keep_their_figure(room):
    a = resident(room)
    history = list(room.status_history.values_list("since", "status"))
    assert history == [(D(2015, 1, 1), VACANT), (D(2019, 7, 5), APPLYING), (D(2019, 7, 11), LENT)]
    assert rooms("107H2", LENT) == 0 and rooms("107H2", VACANT) == 1  # 107's end, not today's
    assert rooms("108H1", LENT) == 0
    assert rooms("108H2", LENT) == 1 and rooms("108H2") == 1
    # the status changes after the period's end: the 108H2 figure does not move
    service.move_out(a, timezone.localdate(), "調職", True)
    room.refresh_from_db()
    assert room.status == VACANT
    assert rooms("108H2", LENT) == 1
    assert registry.breakdown("dormitory.rooms", Period.parse("108H2")).row_totals == {LENT: 1}
    # nor when a clerk edits the status by hand today (the edit form, the API)
    room.status = APPLYING
    room.save()
    assert room.status_history.order_by("-since", "-pk").first().since == timezone.localdate()
    assert rooms("108H2", LENT) == 1 and rooms("108H2", APPLYING) == 0


def test_a_room_not_yet_on_record_is_not_counted(room):
    ga = room.division
    Room.objects.create(division=ga, building=room.building, number="202")  # recorded today
    assert rooms("108H2") == 1
    assert rooms(f"{timezone.localdate().year - 1911}") == 2


def test_move_out_rules(room):
    a = resident(room)
    with pytest.raises(ValidationError) as exc:
        service.move_out(a, D(2019, 7, 10), "調職", True)
    assert "moved_out_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        service.move_out(a, D(2019, 8, 1), "", False)
    assert {"move_out_reason", "room_handed_back"} <= set(exc.value.message_dict)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        service.move_out(a, tomorrow, "調職", True)
    assert "moved_out_on" in exc.value.message_dict
    a.refresh_from_db()
    room.refresh_from_db()
    assert a.status == "moved_in" and a.moved_out_on is None and room.status == LENT
    service.move_out(a, D(2019, 8, 1), "調職", True)
    with pytest.raises(ValidationError):
        service.move_out(a, D(2019, 8, 2), "調職", True)  # only a resident moves out


def test_move_out_page_refuses_in_chinese_then_vacates_and_logs(make_user, client_for, room):
    a = resident(room)
    client = client_for(make_user("general-affairs", ["clerk"]))
    detail = reverse("properties:allocation_detail", args=[a.pk])
    step = reverse("properties:allocation_step", args=[a.pk])
    assert "登錄遷出" in client.get(detail).content.decode()
    body = {"step": "move_out", "move_out_reason": "調職", "room_handed_back": "on"}
    page = client.post(step, {**body, "moved_out_on": "108/7/1"}, follow=True)
    assert "遷出日不得早於入住日" in page.content.decode()
    room.refresh_from_db()
    assert room.status == LENT
    page = client.post(step, {**body, "moved_out_on": "108/9/30"}, follow=True)
    a.refresh_from_db()
    room.refresh_from_db()
    assert (a.status, a.moved_out_on, a.move_out_reason) == ("ended", D(2019, 9, 30), "調職")
    assert room.status == VACANT and room.status_on(D(2019, 9, 30)) == VACANT
    change = (
        ObjectChange.objects.filter(
            content_type=ContentType.objects.get_for_model(Allocation), object_id=str(a.pk)
        )
        .order_by("-pk")
        .first()
    )
    assert "moved_out_on" in str(change.changes) and change.user_id is not None
    room_page = client.get(reverse("properties:room_detail", args=[room.pk])).content.decode()
    assert "108 年 9 月 30 日" in room_page


def test_move_out_through_the_api(make_user, api_for, room):
    a = resident(room)
    api = api_for(make_user("general-affairs", ["clerk"]))
    url = f"/api/properties/allocations/{a.pk}/move_out/"
    body = {"moved_out_on": "2019-07-01", "move_out_reason": "退休", "room_handed_back": True}
    bad = api.post(url, body, format="json")
    assert bad.status_code == 400 and "moved_out_on" in bad.json()
    ok = api.post(url, {**body, "moved_out_on": "2019-10-01"}, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "ended"
    room.refresh_from_db()
    assert room.status == VACANT
    other = api_for(make_user("media", ["clerk"])).post(url, body, format="json")
    assert other.status_code == 404


def test_notice_is_emailed_after_commit(room, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    a = Allocation.objects.create(
        division=room.division,
        applicant="王小明",
        applicant_email="wang@example.gov.tw",
        applied_on=today - datetime.timedelta(days=3),
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        service.notify(a, room, today)
        assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["wang@example.gov.tw"]
    assert "職務宿舍" in message.subject and "西園 201" in message.subject
    assert "王小明" in message.body and "公證" in message.body
    assert a.notified_on == today  # the KPI counts from the day the notice went out


def test_no_email_for_an_earlier_notice_and_none_after_today(
    room, django_capture_on_commit_callbacks
):
    a = Allocation.objects.create(
        division=room.division,
        applicant="王",
        applicant_email="w@example.gov.tw",
        applied_on=D(2019, 7, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        service.notify(a, room, D(2019, 7, 5))
    assert mail.outbox == []
    b = Allocation.objects.create(division=room.division, applicant="李", applied_on=D(2019, 7, 1))
    with pytest.raises(ValidationError) as exc:
        service.notify(b, room, timezone.localdate() + datetime.timedelta(days=1))
    assert "notified_on" in exc.value.message_dict


def test_family_units_computed_from_the_buildings():
    ga = division("general-affairs")
    Building.objects.create(division=ga, name="眷舍甲", use="眷舍", continued_residence=True)
    Building.objects.create(division=ga, name="眷舍乙", use="眷舍", continued_residence=True)
    Building.objects.create(
        division=ga, name="眷舍丙", continued_residence=True, disposed_on=D(2019, 9, 1)
    )
    Building.objects.create(division=ga, name="眷舍丁", use="眷舍")
    assert registry.value("dormitory.family_units", Period.parse("108H2")) == Decimal(2)
    assert registry.value("dormitory.family_units", Period.parse("108H1")) == Decimal(3)


def test_data_migration_dates_the_current_status_by_the_allocations(room):
    from importlib import import_module

    migration = import_module("mishu.properties.migrations.0003_room_history_initial")
    a = resident(room)
    spare = Room.objects.create(division=room.division, building=room.building, number="9")
    RoomStatusChange.objects.all().delete()
    migration.forwards(django_apps, None)
    row = RoomStatusChange.objects.get(room=room)
    assert (row.since, row.status, row.allocation_id) == (D(2019, 7, 11), LENT, a.pk)
    spare_row = RoomStatusChange.objects.get(room=spare)
    assert (spare_row.status, spare_row.since) == (VACANT, spare.created.date())


def test_demo_reproduces_the_seed_and_the_end_of_107():
    from mishu.properties import demo

    demo.load()
    demo.load()  # idempotent: no second history
    p108, p107 = Period.parse("108H2"), Period.parse("107H2")
    assert registry.value("dormitory.rooms", p108) == 123
    assert registry.breakdown("dormitory.rooms", p108).row_totals == {LENT: 118, APPLYING: 5}
    assert registry.breakdown("dormitory.rooms", p107).row_totals == {LENT: 62, VACANT: 61}
    assert registry.value("dormitory.family_units", p108) == 3
    assert RoomStatusChange.objects.count() == 123 + 118 + 118 + 5


def test_withdrawal_frees_the_room_from_its_date(room):
    a = Allocation.objects.create(division=room.division, applicant="李", applied_on=D(2019, 7, 1))
    service.notify(a, room, D(2019, 7, 5))
    with pytest.raises(ValidationError) as exc:
        service.withdraw(a, D(2019, 7, 4))
    assert "withdrawn_on" in exc.value.message_dict
    service.withdraw(a, D(2019, 7, 20))
    room.refresh_from_db()
    assert a.status == "withdrawn" and room.status == VACANT
    assert room.status_on(D(2019, 7, 19)) == APPLYING and room.status_on(D(2019, 7, 20)) == VACANT
    with pytest.raises(ValidationError):
        service.withdraw(a, D(2019, 7, 21))


def test_edits_correct_a_step_date_but_cannot_skip_a_step(make_user, client_for, room):
    a = resident(room)
    client = client_for(make_user("general-affairs", ["clerk"]))
    form = client.get(reverse("properties:allocation_edit", args=[a.pk])).context["form"]
    assert "status" not in form.fields and "room" not in form.fields
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(notified_on="108/7/6", moved_in_on="108/7/11")
    client.post(reverse("properties:allocation_edit", args=[a.pk]), data)
    a.refresh_from_db()
    assert a.notified_on == D(2019, 7, 6) and a.days == 5
    assert room.status_on(D(2019, 7, 5)) == VACANT and room.status_on(D(2019, 7, 6)) == APPLYING
    # a move-out typed into the edit form is refused: only the move-out step records it
    a.moved_out_on = D(2019, 9, 1)
    with pytest.raises(ValidationError) as exc:
        a.full_clean()
    assert "moved_out_on" in exc.value.message_dict
    a.refresh_from_db()
    a.moved_in_on = None
    with pytest.raises(ValidationError) as exc:
        a.full_clean()
    assert "moved_in_on" in exc.value.message_dict
