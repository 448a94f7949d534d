"""Every write is attributable: who, when, which request, each field before and after — by path."""

import datetime
import io

import pytest
from django.core.management import call_command

from mishu.chronicle.models import Event
from mishu.core.exports import write_table
from mishu.core.history import changes_for
from mishu.core.testing import division

pytestmark = pytest.mark.django_db


def make_event(**kw):
    values = {
        "division": division("documents"),
        "category": "training",
        "start_date": datetime.date(2019, 11, 5),
        "title": "檔案管理基礎班",
    }
    values.update(kw)
    return Event.objects.create(**values)


def test_ui_create_update_delete_are_logged_with_user_and_request(make_user, client_for):
    user = make_user("documents", ["clerk"])
    client = client_for(user)
    response = client.post(
        "/chronicle/events/add/",
        {
            "division": division("documents").pk,
            "category": "training",
            "start_date": "108/11/5",
            "title": "檔案管理基礎班",
            "persons": "228",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    created = changes_for(event).get()
    assert (created.action, created.source, created.user) == ("create", "web", user)
    assert created.changes["persons"] == [None, 228]
    assert created.changes["start_date"] == [None, "2019-11-05"]
    assert str(created.request_id) == response["X-Request-ID"]

    client.post(
        f"/chronicle/events/{event.pk}/edit/",
        {
            "division": division("documents").pk,
            "category": "training",
            "start_date": "108/11/5",
            "title": "檔案管理進階班",
            "persons": "228",
        },
    )
    update = changes_for(event).first()
    assert update.action == "update"
    assert update.changes == {"title": ["檔案管理基礎班", "檔案管理進階班"]}

    client.post(f"/chronicle/events/{event.pk}/delete/")
    deleted = changes_for(event).first()
    assert deleted.action == "delete" and deleted.changes["title"] == ["檔案管理進階班", None]


def test_history_page_shows_changes(make_user, client_for):
    user = make_user("documents", ["clerk"])
    client = client_for(user)
    event = make_event()
    event.title = "新標題"
    event.save()
    page = client.get(f"/chronicle/events/{event.pk}/history/").content.decode()
    assert "檔案管理基礎班" in page and "新標題" in page


def test_api_writes_are_logged_with_token_user(make_user, api_for):
    user = make_user("documents", ["clerk"])
    api = api_for(user)
    response = api.post(
        "/api/chronicle/events/",
        {
            "division": division("documents").pk,
            "category": "meeting",
            "start_date": "2019-10-04",
            "title": "國際事務委員會第 3 次會議",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    event = Event.objects.get(pk=response.json()["id"])
    api.patch(f"/api/chronicle/events/{event.pk}/", {"persons": 98}, format="json")
    create, update = reversed(changes_for(event))
    assert (create.source, create.user, update.source, update.user) == ("api", user, "api", user)
    assert update.changes == {"persons": [None, 98]}
    history = api.get(f"/api/chronicle/events/{event.pk}/history/").json()
    assert len(history["results"]) == 2


def test_admin_writes_are_logged(make_user, client):
    admin = make_user(None, ["admin"], is_staff=True, is_superuser=True)
    client.force_login(admin)
    event = make_event()
    response = client.post(
        f"/admin/chronicle/event/{event.pk}/change/",
        {
            "division": division("documents").pk,
            "category": "training",
            "start_date": "2019-11-05",
            "title": "改自管理介面",
        },
    )
    assert response.status_code == 302, response.content[:500]
    change = changes_for(event).first()
    assert (change.source, change.user, change.changes["title"][1]) == (
        "admin",
        admin,
        "改自管理介面",
    )


def test_import_writes_are_logged_and_bad_files_write_nothing(make_user, client_for):
    user = make_user("international", ["clerk"])
    client = client_for(user)
    header = ["division", "category", "start_date", "end_date", "title", "persons", "groups"]
    good = [
        ["international", "visit", "108/7/15", "", "美國鳳凰城市長來訪", "8", "1"],
        ["國際事務組", "trip", "108年7月2日", "108年7月5日", "赴上海出席城市論壇", "", ""],
    ]
    bad = [
        *good,
        ["international", "visit", "108/2/30", "", "日期錯誤", "", ""],
        ["documents", "nope", "108/7/1", "", "越權且類別錯", "", ""],
        ["international", "visit", "108/7/1", "108/6/1", "結束早於開始", "x", ""],
    ]
    for fmt in ("csv", "xlsx", "ods"):
        upload = io.BytesIO(write_table(fmt, header, bad))
        upload.name = f"events.{fmt}"
        page = client.post("/chronicle/events/import/", {"file": upload}).content.decode()
        assert Event.objects.count() == 0, fmt
        for row in ("3", "4", "5"):  # every bad row is reported (header is row 1)
            assert f"<td>{int(row) + 1}</td>" in page, (fmt, row)
    upload = io.BytesIO(write_table("xlsx", header, good))
    upload.name = "events.xlsx"
    client.post("/chronicle/events/import/", {"file": upload})
    assert Event.objects.count() == 2
    for event in Event.objects.all():
        change = changes_for(event).get()
        assert (change.source, change.user, change.action) == ("import", user, "create")


def test_command_writes_are_logged_as_the_operator(monkeypatch):
    from mishu.core import audit

    monkeypatch.setenv("MISHU_OPERATOR", "ops")
    with audit.audit_context(source="command", actor_name="ops (mishu loaddemo)"):
        call_command("loaddemo", stdout=io.StringIO())
    from mishu.core.models import ObjectChange

    entries = ObjectChange.objects.filter(source="command")
    assert entries.exists()
    assert set(entries.values_list("actor_name", flat=True)) == {"ops (mishu loaddemo)"}


def test_cli_attributes_writes_to_operator(monkeypatch):
    import django.core.management as management

    from mishu import cli
    from mishu.core.models import ObjectChange

    # run the command in-process (the real entry point would open its own connection)
    monkeypatch.setattr(
        management,
        "execute_from_command_line",
        lambda argv: call_command(argv[1], stdout=io.StringIO()),
    )
    monkeypatch.setenv("MISHU_OPERATOR", "night-shift")
    cli.main(["mishu", "loaddemo"])
    names = set(ObjectChange.objects.filter(source="command").values_list("actor_name", flat=True))
    assert names == {"night-shift (mishu loaddemo)"}


def test_personal_fields_are_masked_in_the_log(make_user):
    user = make_user("documents", ["clerk"])
    user.set_password("another-secret-123")
    user.save()
    change = changes_for(user).first()
    assert "another-secret" not in str(change.changes)


def test_a_change_to_a_masked_field_alone_is_logged_without_its_values(db):
    from mishu.core.audit import MASK_CHANGED
    from mishu.petitions.tests.factories import file_case

    case = file_case(petitioner_contact="0912-345-678")
    before = changes_for(case).count()
    case.petitioner_contact = "0987-654-321"
    case.save()
    assert changes_for(case).count() == before + 1
    change = changes_for(case).first()
    assert change.changes == {"petitioner_contact": ["●●●", MASK_CHANGED]}
    assert "0912" not in str(change.changes) and "0987" not in str(change.changes)
    case.save()  # nothing changed: no entry
    assert changes_for(case).count() == before + 1


def test_admin_history_page_shows_the_change_log(make_user, client):
    from mishu.core.models import Agency

    admin = make_user(None, ["admin"], is_staff=True, is_superuser=True)
    client.force_login(admin)
    agency = Agency.objects.get(short_name="北水處")
    response = client.post(
        f"/admin/core/agency/{agency.pk}/change/",
        {
            "code": agency.code,
            "short_name": "北水處",
            "short_name_en": agency.short_name_en,
            "name": "臺北自來水事業處（測試）",
            "name_en": agency.name_en,
            "order": agency.order,
            "active": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/admin/core/agency/{agency.pk}/history/").content.decode()
    assert "臺北自來水事業處（測試）" in page and admin.username in page
