import datetime

from django.core import mail

from mishu.documents import jobs, services
from mishu.documents.models import Document, Reminder
from mishu.documents.testing import advance

D = datetime.date


def test_register_pages_and_exports(incoming, make_user, client_for):
    user = make_user("documents", ["clerk"])
    doc = services.register(incoming(), user)
    client = client_for(user)
    assert doc.number in client.get("/documents/").content.decode()
    detail = client.get(f"/documents/{doc.pk}/").content.decode()
    assert "登記" in detail  # the event, named in Chinese
    assert client.get(f"/documents/{doc.pk}/history/").status_code == 200
    assert doc.number in client.get("/documents/timeliness/").content.decode()  # overdue today
    export = client.get("/documents/?control=overdue&export=csv")
    assert doc.number in export.getvalue().decode("utf-8-sig")
    monthly = client.get("/documents/timeliness/monthly/?month=108-07")
    assert monthly.status_code == 200
    assert client.get("/documents/timeliness/monthly/?month=108-07&export=xlsx").status_code == 200
    assert "error" in client.get("/documents/timeliness/monthly/?month=nope").context


def test_other_units_do_not_see_documents(incoming, make_user, client_for):
    doc = services.register(incoming())
    client = client_for(make_user("media", ["clerk"]))
    assert client.get(f"/documents/{doc.pk}/").status_code == 404
    assert doc.number not in client.get("/documents/").content.decode()


def test_register_form_and_extension_flow(org, make_user, client_for):
    clerk = make_user("documents", ["clerk"])
    client = client_for(clerk)
    data = {
        "division": org["documents"].pk,
        "office": "city",
        "direction": "incoming",
        "subject": "網頁登記",
        "sender": org["agency"].pk,
        "received_on": "108/7/1",
        "stated_deadline": "108/6/1",
        "speed": "ordinary",
        "medium": "electronic",
        "handling_mode": "online",
        "seal_uses": "0",
    }
    bad = client.post("/documents/add/", data)
    assert bad.status_code == 200 and "stated_deadline" in bad.context["form"].errors
    data["stated_deadline"] = ""
    response = client.post("/documents/add/", data)
    assert response.status_code == 302
    from mishu.documents.models import Document

    doc = Document.objects.get()
    assert doc.deadline == D(2019, 7, 9)
    # an extension asked today (long after 108/7/9) is refused with the reason shown
    page = client.post(
        f"/documents/{doc.pk}/extend/", {"new_deadline": "108/7/20", "reason": "會辦"}, follow=True
    )
    # the message names the field as the clerk reads it, never by its code
    html = page.content.decode()
    assert "申請日期：展期須於限辦日期前申請。" in html and "requested_on" not in html


def test_api_filters_and_errors(incoming, make_user, api_for, org):
    user = make_user("documents", ["clerk"])
    api = api_for(user)
    services.register(incoming())
    services.register(incoming(speed="urgent"))
    listed = api.get("/api/documents/documents/?speed=urgent").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert len(rows) == 1
    body = {
        "division": org["documents"].pk,
        "office": "city",
        "direction": "incoming",
        "subject": "API",
        "sender": org["agency"].pk,
        "received_on": "2019-07-01",
        "stated_deadline": "2019-06-01",
    }
    response = api.post("/api/documents/documents/", body, format="json")
    assert response.status_code == 400 and "stated_deadline" in response.json()
    body.pop("stated_deadline")
    created = api.post("/api/documents/documents/", body, format="json").json()
    assert created["number"] == "府秘文字第1080000003號"
    moved = api.post(
        f"/api/documents/documents/{created['id']}/transition/",
        {"transition": "file", "on": "2019-07-02"},
        format="json",
    )
    assert moved.status_code == 400 and "transition" in moved.json()
    url = f"/api/documents/documents/{created['id']}/transition/"
    refused = api.post(url, {"transition": "assign"})  # 分文 names the handler
    assert refused.status_code == 400 and "handler" in refused.json()
    assert api.post(url, {"transition": "assign", "handler": user.pk}).status_code == 200
    events = api.get(f"/api/documents/documents/{created['id']}/events/").json()
    assert [e["name"] for e in events] == ["registered", "assign"]


def test_daily_reminders(incoming, make_user):
    handler = make_user("documents", ["clerk"])
    boss = make_user("documents", ["supervisor"])
    services.register(incoming(handler=handler))
    created = jobs.send_reminders(today=D(2019, 7, 10))
    assert created == 2  # past deadline: the handler and the unit's supervisor
    assert Reminder.objects.filter(user=boss, kind="overdue").exists()
    assert len(mail.outbox) == 2
    assert jobs.send_reminders(today=D(2019, 7, 10)) == 0  # once a day


def test_near_deadlines_are_counted_in_working_days_as_the_inbox_counts_them(incoming, make_user):
    """On Friday 108/7/12 a Monday or Tuesday deadline is within NEAR_DAYS (2) working days,
    though 3 or 4 calendar days away; a Wednesday one is not. The inbox flags the same ones."""
    from mishu.core import inbox
    from mishu.core.workdays import office_calendar

    handler = make_user("documents", ["clerk"])
    friday = D(2019, 7, 12)
    deadlines = {D(2019, 7, 15): True, D(2019, 7, 16): True, D(2019, 7, 17): False}
    docs = {}
    for deadline in deadlines:
        doc = services.register(incoming(handler=handler, received_on=D(2019, 7, 11)))
        Document.objects.filter(pk=doc.pk).update(deadline=deadline)
        docs[doc.pk] = deadline
    jobs.send_reminders(today=friday)
    reminded = {docs[r.document_id] for r in Reminder.objects.filter(user=handler, kind="near")}
    assert reminded == {d for d, near in deadlines.items() if near}
    calendar = office_calendar()
    for deadline, near in deadlines.items():
        assert (inbox.days_left(deadline, friday, calendar) <= jobs.NEAR_DAYS) is near


def test_reminder_command(incoming, make_user):
    import io

    import pytest
    from django.core.management import CommandError, call_command

    services.register(incoming(handler=make_user("documents", ["clerk"])))
    out = io.StringIO()
    call_command("document_reminders", "--date", "108/7/10", stdout=out)
    assert out.getvalue().strip() == "1 reminders"
    with pytest.raises(CommandError):
        call_command("document_reminders", "--date", "nope")


def test_api_extension_request_and_decision(incoming, make_user, api_for):
    clerk = make_user("documents", ["clerk"])
    boss = make_user("documents", ["supervisor"])
    doc = services.register(incoming(received_on=datetime.date.today()), clerk)
    url = f"/api/documents/documents/{doc.pk}/"
    late = doc.deadline + datetime.timedelta(days=7)
    asked = api_for(clerk).post(url + "extend/", {"new_deadline": late, "reason": "會辦"})
    assert asked.status_code == 201, asked.json()
    assert api_for(clerk).post(url + "decide/", {"approve": True, "note": "x"}).status_code == 403
    decided = api_for(boss).post(url + "decide/", {"approve": True, "note": "同意"})
    assert decided.status_code == 200 and decided.json()["deadline"] == late.isoformat()
    again = api_for(boss).post(url + "decide/", {"approve": True, "note": "同意"})
    assert again.status_code == 400 and "extension" in again.json()


def test_list_rows_read_as_values_show_what_the_records_show(incoming, make_user, client_for):
    """The register's page reads plain values (city scale); its cells must be those the
    generic rendering of the records gives, in Chinese and in English."""
    from django.utils import translation

    from mishu.core.tables import cell
    from mishu.documents.models import Document
    from mishu.documents.views.register import LIST_COLUMNS, page_rows

    handler = make_user("documents", ["clerk"])
    handler.first_name, handler.last_name = "文", "書"
    handler.save()
    services.register(incoming(handler=handler, speed="urgent"))
    closed = services.register(incoming(received_on=D(2019, 7, 2)))
    advance(closed, "assign", "draft", "sign", "dispatch", on=D(2019, 7, 3))
    qs = Document.objects.order_by("pk")
    for language in ("zh-hant", "en"):
        with translation.override(language):
            expected = [[cell(d, c) for c in LIST_COLUMNS] for d in qs]
            rows = page_rows(qs)
            assert [cells for _link, cells in rows] == expected
            assert [link.get_absolute_url() for link, _c in rows] == [
                d.get_absolute_url() for d in qs
            ]
    page = client_for(handler).get("/documents/").content.decode()
    assert "文 書" in page and "速件" in page
