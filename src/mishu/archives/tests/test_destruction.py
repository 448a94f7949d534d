"""The destruction review: a list drawn from due files only, each step in order by the right
role, files taken off during the waiting period, nothing destroyed before every approval."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mishu.archives.choices import CaseState, ListState
from mishu.archives.models import DestructionStep
from mishu.archives.services import destruction, filing

D = datetime.date


@pytest.fixture
def people(make_user, org):
    return {
        "clerk": make_user("documents", ["clerk"]),
        "head": make_user("documents", ["supervisor"]),
        "media": make_user("media", ["clerk"]),
    }


@pytest.fixture
def due_cases(people, closed_doc, klass):
    """Two case files of a 1-year class, due on 2021-01-01, each with one item."""
    k = klass(retention="1")
    cases = []
    for subject in ("收發文（一）", "收發文（二）"):
        case = filing.open_case_file(people["clerk"], k, 108, subject, volumes=2)
        filing.file_document(people["clerk"], closed_doc(), case)
        case.refresh_from_db()
        cases.append(case)
    return cases


def test_a_list_is_drawn_from_due_files_only(people, org, due_cases):
    with pytest.raises(ValidationError):
        destruction.draw_list(
            people["clerk"], org["documents"], "太早", due_cases, on=D(2020, 6, 1)
        )
    dlist = destruction.draw_list(
        people["clerk"], org["documents"], "109 年銷毀目錄", due_cases, on=D(2021, 3, 1)
    )
    assert (dlist.items, dlist.cases, dlist.volumes) == (2, 2, 4)
    assert dlist.state == ListState.DRAFT
    for case in due_cases:
        case.refresh_from_db()
        assert case.state == CaseState.LISTED
    with pytest.raises(PermissionDenied):
        destruction.draw_list(people["media"], org["documents"], "x", due_cases, on=D(2021, 3, 1))


def test_review_in_order_then_destroy_after_the_waiting_period(people, org, due_cases):
    clerk, head = people["clerk"], people["head"]
    dlist = destruction.draw_list(clerk, org["documents"], "銷毀目錄", due_cases, on=D(2021, 3, 1))
    # the head's approval and the national approval cannot come before the archivist's check
    with pytest.raises(ValidationError):
        destruction.step(
            head, dlist, "national_approval", approval_no="檔徵字第1", on=D(2021, 3, 2)
        )
    destruction.step(clerk, dlist, "check", on=D(2021, 3, 2))
    with pytest.raises(PermissionDenied):  # only the office head approves
        destruction.step(clerk, dlist, "head_approve", on=D(2021, 3, 3))
    destruction.step(head, dlist, "head_approve", on=D(2021, 3, 3))
    with pytest.raises(ValidationError):  # no approval number, no approval
        destruction.step(clerk, dlist, "national_approval", on=D(2021, 3, 10))
    dlist = destruction.step(
        clerk, dlist, "national_approval", approval_no="檔徵字第1100001234號", on=D(2021, 3, 10)
    )
    assert dlist.state == ListState.APPROVED
    assert dlist.waiting_until == D(2021, 3, 24)  # 10 working days
    # during the waiting period a file is taken off, and the counts follow
    entry = dlist.entries.get(case_file=due_cases[0])
    destruction.take_off(clerk, entry, "尚有訴訟進行中", keep_years=5, on=D(2021, 3, 15))
    dlist.refresh_from_db()
    assert (dlist.items, dlist.cases, dlist.volumes) == (1, 1, 2)
    with pytest.raises(ValidationError):  # the waiting period is not over
        destruction.step(
            clerk, dlist, "destroy", on=D(2021, 3, 20), method="碎紙", witness="王監銷"
        )
    with pytest.raises(ValidationError):  # method and witness are required
        destruction.step(clerk, dlist, "destroy", on=D(2021, 3, 25))
    destruction.step(clerk, dlist, "destroy", on=D(2021, 3, 25), method="碎紙", witness="王監銷")
    kept, destroyed = due_cases[0], due_cases[1]
    kept.refresh_from_db()
    destroyed.refresh_from_db()
    assert kept.state == CaseState.KEPT and kept.due_on == D(2026, 1, 1)
    assert destroyed.state == CaseState.DESTROYED
    assert list(
        DestructionStep.objects.filter(destruction_list=dlist).values_list("name", flat=True)
    ) == [
        "check",
        "head_approve",
        "national_approval",
        "destroy",
    ]
    with pytest.raises(ValidationError):  # nothing more after the destruction
        destruction.take_off(
            clerk, dlist.entries.get(case_file=destroyed), "遲來", on=D(2021, 3, 26)
        )


def test_an_agency_list_received_is_first_reviewed(people, org):
    dlist = destruction.receive_list(
        people["clerk"],
        org["documents"],
        org["finance"],
        "財政局銷毀目錄",
        D(2019, 8, 1),
        1000,
        3,
        50,
    )
    assert dlist.state == ListState.RECEIVED
    with pytest.raises(ValidationError):  # no head approval for an agency's list
        destruction.step(people["head"], dlist, "head_approve")
    dlist = destruction.step(people["clerk"], dlist, "first_review", on=D(2019, 8, 6))
    assert dlist.first_reviewed_on == D(2019, 8, 6)
    with pytest.raises(PermissionDenied):
        destruction.step(people["media"], dlist, "national_approval", approval_no="x")


def test_review_page_takes_steps_and_refuses_in_chinese(people, org, due_cases, client_for):
    dlist = destruction.draw_list(
        people["clerk"], org["documents"], "銷毀目錄", due_cases, on=D(2021, 3, 1)
    )
    client = client_for(people["clerk"])
    url = f"/archives/destructionlists/{dlist.pk}/"
    page = client.get(url).content.decode()
    assert "檔案管理人員檢核" in page and "撤出銷毀目錄" in page
    client.post(url, {"step": "check", "on": "110/3/2"})
    dlist.refresh_from_db()
    assert dlist.state == ListState.CHECKED
    r = client.post(url, {"step": "national_approval", "on": "110/3/3"}, follow=True)
    assert "目前不得進行此程序" in r.content.decode()
    r = client.post(url, {"entry": dlist.entries.first().pk, "reason": ""}, follow=True)
    assert "請說明延長保存理由" in r.content.decode()
    assert client_for(people["media"]).post(url, {"step": "check"}).status_code == 404
