"""Council records through the pages and the API: questions and their replies, the directive
workflow, the compilation of written replies, and division scoping of related records."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.council import services

from .factories import D, directive, meeting, member, question, session, term

pytestmark = pytest.mark.django_db


def test_question_reply_status_and_rules():
    t = term()
    s = session(t)
    q = question(s)
    assert q.reply_status() == "逾期未答復"
    q.replied_on, q.reply = D(2019, 10, 1), "已研議具體作法。"
    q.full_clean()
    assert not q.is_overdue() and q.reply_status() == "於期限內答復"
    q.replied_on = D(2019, 10, 9)
    assert q.is_overdue()
    other_term = term(12)
    q.member = member(other_term)
    q.replied_on, q.reply = D(2019, 9, 1), ""
    with pytest.raises(ValidationError) as exc:
        q.full_clean()
    assert {"member", "replied_on", "reply"} <= set(exc.value.message_dict)


def test_directive_is_tracked_to_closure_and_only_by_its_division(make_user):
    clerk = make_user("confidential", ["clerk"])
    d = directive(meeting())
    with pytest.raises(ValidationError):
        services.advance(d, "close", D(2019, 9, 10), "", clerk)  # a closure says what was done
    with pytest.raises(ValidationError):
        services.advance(d, "report", D(2019, 9, 1), "x", clerk)  # before the meeting
    with pytest.raises(PermissionDenied):
        services.advance(d, "report", D(2019, 9, 10), "x", make_user("media", ["clerk"]))
    d = services.advance(d, "report", D(2019, 9, 10), "研商中", clerk)
    assert d.state == "in_progress" and d.closed_on is None
    d = services.advance(d, "close", D(2019, 9, 20), "已完成", clerk)
    assert (d.state, d.closed_on, d.is_overdue()) == ("closed", D(2019, 9, 20), False)
    with pytest.raises(ValidationError):
        services.advance(d, "close", D(2019, 9, 21), "again", clerk)
    assert [s.transition for s in d.steps.all()] == ["report", "close"]
    d = services.advance(d, "reopen", D(2019, 10, 2), "尚需追蹤", clerk)
    assert d.state == "in_progress" and d.closed_on is None


def test_directive_page_refuses_a_bad_step_in_chinese(make_user, client_for):
    d = directive(meeting())
    client = client_for(make_user("confidential", ["clerk"]))
    url = reverse("council:directive_detail", args=[d.pk])
    page = client.post(url, {"transition": "close", "on": "108/8/1", "note": "x"})
    assert "日期不得早於市政會議" in page.content.decode()
    d.refresh_from_db()
    assert d.state == "assigned"
    client.post(url, {"transition": "close", "on": "108/9/20", "note": "已完成"})
    d.refresh_from_db()
    assert d.state == "closed"


def test_related_records_of_another_division_cannot_be_chosen(make_user, client_for, api_for):
    t = term()  # 機要組's
    outsider = make_user("media", ["clerk"])
    page = client_for(outsider).post(
        reverse("council:session_add"),
        {
            "division": division("media").pk,
            "term": t.pk,
            "kind": "regular",
            "number": "9",
            "starts_on": "108/9/3",
            "ends_on": "108/12/24",
        },
    )
    assert "term" in page.context["form"].errors
    answer = api_for(outsider).post(
        "/api/council/members/",
        {"division": division("media").pk, "term": t.pk, "name": "x"},
        format="json",
    )
    assert answer.status_code == 400 and "term" in answer.json()
    mine = api_for(make_user("confidential", ["clerk"]))
    answer = mine.post(
        "/api/council/members/",
        {"division": division("confidential").pk, "term": t.pk, "name": "議員乙"},
        format="json",
    )
    assert answer.status_code == 201


def test_compilation_of_written_replies_as_docx(make_user, client_for):
    s = session(term())
    question(s, replied_on=D(2019, 9, 20), reply="本府財政局將依期程辦理標售。")
    question(s, agency="education", subject="校舍耐震")
    client = client_for(make_user("confidential", ["clerk"]))
    response = client.get(reverse("council:session_compilation", args=[s.pk, "docx"]))
    assert response.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert "本府財政局將依期程辦理標售" in xml and "財政局" in xml and "尚無書面答復" in xml
    outsider = client_for(make_user("media", ["clerk"]))
    assert (
        outsider.get(reverse("council:session_compilation", args=[s.pk, "odt"])).status_code == 404
    )
    assert Agency.objects.filter(code="education").exists()


def test_visit_import_is_all_or_nothing(make_user, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from mishu.council.models import Visit

    t = term()
    session(t)
    member(t, "議員甲")
    client = client_for(make_user("confidential", ["clerk"]))

    def upload(text):
        f = SimpleUploadedFile("visits.csv", text.encode("utf-8"), content_type="text/csv")
        return client.post(reverse("council:visit_import"), {"file": f}).content.decode()

    header = "session,agency,member,visited_on,visitor\n"
    page = upload(
        header
        + "13-2,財政局,議員甲,108/9/10,局長\n"
        + "13-9,財政局,議員甲,108/9/10,\n"
        + "13-2,財政局,議員乙,108/9/10,\n"
        + "13-2,財政局,議員甲,108/1/10,\n"
    )
    assert Visit.objects.count() == 0
    assert "不明的大會「13-9」" in page
    assert "本屆無議員「議員乙」" in page
    assert "拜訪日不在大會期間" in page
    page = upload(header + "13-2,財政局,議員甲,108/9/10,局長\n13-2,教育局,議員甲,2019-09-11,\n")
    assert "已匯入 2 筆資料" in page
    assert Visit.objects.filter(agency__code="education").count() == 1


def test_directive_steps_through_the_api(make_user, api_for):
    d = directive(meeting())
    api = api_for(make_user("confidential", ["clerk"]))
    url = f"/api/council/directives/{d.pk}/step/"
    bad = api.post(url, {"transition": "close", "on": "108/13/1", "note": "x"}, format="json")
    assert bad.status_code == 400 and "on" in bad.json()
    bad = api.post(url, {"transition": "close", "on": "108/9/20", "note": ""}, format="json")
    assert bad.status_code == 400 and "請說明辦理情形" in str(bad.json())
    done = api.post(url, {"transition": "close", "on": "108/9/20", "note": "已完成"}, format="json")
    assert done.status_code == 200 and done.json()["state"] == "closed"
    outsider = api_for(make_user("media", ["clerk"]))
    assert (
        outsider.post(url, {"transition": "reopen", "on": "108/9/21", "note": "x"}).status_code
        == 404
    )


def test_a_session_outside_its_term_is_refused_in_chinese(make_user, client_for):
    """The report's 第 N 屆 is the term of the session it is given at: a 14th-term session
    entered under the 13th term would misstate it, so the page refuses it."""
    t = term()  # 107/12/25–111/12/24
    client = client_for(make_user("confidential", ["clerk"]))
    data = {
        "division": division("confidential").pk,
        "term": t.pk,
        "kind": "regular",
        "number": "1",
        "starts_on": "112/3/7",
        "ends_on": "112/6/20",
    }
    page = client.post(reverse("council:session_add"), data)
    assert page.status_code == 200
    assert "大會期間須在該屆任期（107 年 12 月 25 日至 111 年 12 月 24 日）之內。" in (
        page.content.decode()
    )
    assert not t.sessions.exists()
    data.update(starts_on="111/9/6", ends_on="111/12/20")
    assert client.post(reverse("council:session_add"), data).status_code == 302
    assert t.sessions.get().starts_on == D(2022, 9, 6)
