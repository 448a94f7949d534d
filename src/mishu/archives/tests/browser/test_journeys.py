"""Archives journeys in headless Chromium: a clerk files a closed document and finds it in the
catalogue; a destruction list drawn from due files is reviewed by the archivist and the office
head, approved, and a file taken off in the waiting period; an application decided in time."""

import datetime

import pytest

from mishu.core.formats import roc_year
from mishu.core.tests.browser.helpers import assert_accessible, force_login

pytestmark = pytest.mark.browser


def roc(day: datetime.date) -> str:
    return f"{roc_year(day)}/{day.month}/{day.day}"


def submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_file_a_closed_document_and_find_it_in_the_catalogue(page, make_user, closed_doc, klass):
    from mishu.archives.models import ArchiveItem
    from mishu.archives.services import filing

    clerk = make_user("documents", ["clerk"])
    case = filing.open_case_file(clerk, klass(code="0101"), 108, "108 年收發文")
    doc = closed_doc(subject="函送檔案清理計畫")
    force_login(page, clerk)
    page.goto("/archives/file/")
    assert_accessible(page)
    page.fill("#id_number", doc.number)
    page.select_option("#id_case_file", str(case.pk))
    submit(page)
    item = ArchiveItem.objects.get()
    assert item.file_code == "108-0101-000001-001-000001"
    assert item.file_code in page.locator("main").inner_text()
    page.goto("/archives/catalogue/?code=108-0101")
    assert_accessible(page)
    assert "函送檔案清理計畫" in page.locator("main").inner_text()


def test_destruction_list_review(page, make_user, org, klass):
    from mishu.archives.models import CaseFile, DestructionList

    clerk = make_user("documents", ["clerk"])
    head = make_user("documents", ["supervisor"])
    k = klass(code="0102", retention="5")
    cases = []
    for n in (1, 2):
        case = CaseFile.objects.create(
            division=org["documents"],
            year=100,
            archive_class=k,
            case_no=n,
            subject=f"100 年公文時效管制（{n}）",
            volumes=1,
            latest_on=datetime.date(2011, 12, 20),
        )
        case.compute_due()
        case.save()
        cases.append(case)
    force_login(page, clerk)
    page.goto("/archives/due/")
    assert_accessible(page)
    for case in cases:
        page.check(f"#case-{case.pk}")
    page.fill("#id_title", "本處 100 年檔案銷毀目錄")
    submit(page)
    dlist = DestructionList.objects.get()
    assert dlist.cases == 2
    assert_accessible(page)
    page.select_option("#id_step", "check")
    submit(page, "main form button.primary")
    # the clerk cannot approve as the office head
    page.select_option("#id_step", "head_approve")
    submit(page, "main form button.primary")
    assert "無權" in page.locator("main").inner_text()
    force_login(page, head)
    page.goto(f"/archives/destructionlists/{dlist.pk}/")
    page.select_option("#id_step", "head_approve")
    submit(page, "main form button.primary")
    page.select_option("#id_step", "national_approval")
    page.fill("#id_approval_no", "檔徵字第1100001234號")
    submit(page, "main form button.primary")
    dlist.refresh_from_db()
    assert dlist.state == "approved" and dlist.waiting_until > datetime.date.today()
    # in the waiting period a file is taken off, with the reason for keeping it
    entry = dlist.entries.get(case_file=cases[0])
    page.fill(f"#reason-{entry.pk}", "仍有訴訟參考需要")
    page.fill(f"#keep-{entry.pk}", "3")
    submit(page, f"form:has(#reason-{entry.pk}) button")
    dlist.refresh_from_db()
    assert dlist.cases == 1
    # and nothing is destroyed before the waiting period is over
    page.select_option("#id_step", "destroy")
    page.fill("#id_method", "碎紙")
    page.fill("#id_witness", "王監銷")
    submit(page, "main form button.primary")
    assert "等待期尚未屆滿" in page.locator("main").inner_text()
    dlist.refresh_from_db()
    assert dlist.state == "approved" and dlist.destroyed_on is None


def test_an_application_decided_in_time(page, make_user, org):
    from mishu.archives.models import ArchiveApplication

    clerk = make_user("documents", ["clerk"])
    today = datetime.date.today()
    app = ArchiveApplication.objects.create(
        division=org["documents"],
        applicant_name="陳大文",
        purpose="copy",
        received_on=today - datetime.timedelta(days=5),
        requested="108-0101-000070",
    )
    force_login(page, clerk)
    page.goto(app.get_absolute_url())
    assert_accessible(page)
    main = page.locator("main").inner_text()
    assert "陳○○" in main and "陳大文" not in main
    page.select_option("#id_decision", "refuse")
    page.fill("#id_decided_on", roc(today))
    submit(page, "main form button.primary")
    assert "檔案法第 18 條" in page.locator("main").inner_text()  # a refusal needs its ground
    page.select_option("#id_decision", "approve")
    page.fill("#id_decided_on", roc(today))
    submit(page, "main form button.primary")
    app.refresh_from_db()
    assert app.state == "approved" and app.in_time()
    page.fill("#id_visited_on", roc(today))
    page.fill("#id_copies", "12")
    submit(page, "main form button[type=submit]:not(.primary)")
    assert app.visits.get().copies == 12
