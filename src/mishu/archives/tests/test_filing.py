"""Filing a closed document into a case file: the 檔號, the rules, the due date, the pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mishu.archives.models import ArchiveItem, CaseFile
from mishu.archives.services import filing
from mishu.core.models import ObjectChange


@pytest.fixture
def clerk(make_user, org):
    return make_user("documents", ["clerk"])


def test_filing_gives_the_file_code_and_moves_the_due_date(clerk, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(code="0101", retention="10"), 108, "收發文")
    assert case.case_no == 1
    item = filing.file_document(clerk, closed_doc(closed_on=datetime.date(2019, 7, 10)), case)
    second = filing.file_document(clerk, closed_doc(closed_on=datetime.date(2019, 8, 2)), case)
    assert item.file_code == "108-0101-000001-001-000001"
    assert second.file_code == "108-0101-000001-001-000002"
    case.refresh_from_db()
    # retention runs from the year after the latest document: 2019 + 1 + 10
    assert case.latest_on == datetime.date(2019, 8, 2)
    assert case.due_on == datetime.date(2030, 1, 1)
    assert ObjectChange.objects.filter(
        object_repr__startswith="108-0101-000001-001-000002"
    ).exists()


def test_permanent_files_have_no_due_date(clerk, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(retention="permanent"), 108, "府務會議")
    filing.file_document(clerk, closed_doc(), case)
    case.refresh_from_db()
    assert case.due_on is None
    assert case.transfer_year == 2019 + 25


def test_only_closed_documents_of_ones_own_division(clerk, org, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(), 108, "收發文")
    with pytest.raises(ValidationError, match="已結案"):
        filing.file_document(clerk, closed_doc(close=False), case)
    with pytest.raises(ValidationError):
        filing.file_document(clerk, closed_doc(division=org["media"]), case)
    doc = closed_doc()
    filing.file_document(clerk, doc, case)
    with pytest.raises(ValidationError):
        filing.file_document(clerk, doc, case)
    assert ArchiveItem.objects.count() == 1


def test_another_divisions_clerk_cannot_file_into_the_case(clerk, make_user, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(), 108, "收發文")
    with pytest.raises(PermissionDenied):
        filing.file_document(make_user("media", ["clerk"]), closed_doc(), case)


def test_retention_due_list_per_office(clerk, make_user, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(retention="1"), 108, "收發文")
    filing.file_document(clerk, closed_doc(), case)
    assert list(filing.retention_due(clerk, on=datetime.date(2020, 12, 31))) == []
    assert list(filing.retention_due(clerk, on=datetime.date(2021, 1, 1))) == [case]
    # another division's clerk does not see it; the evaluator does
    assert (
        list(filing.retention_due(make_user("media", ["clerk"]), on=datetime.date(2022, 1, 1)))
        == []
    )
    evaluator = make_user("general-affairs", ["evaluator"])
    assert list(filing.retention_due(evaluator, on=datetime.date(2022, 1, 1))) == [case]


def test_filing_page_and_catalogue_search(clerk, client_for, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(), 108, "收發文")
    doc = closed_doc(subject="檔案應用申請")
    client = client_for(clerk)
    page = client.get("/archives/file/")
    assert page.status_code == 200 and "歸檔" in page.content.decode()
    r = client.post("/archives/file/", {"number": doc.number, "case_file": case.pk, "volume_no": 1})
    assert r.status_code == 302
    item = ArchiveItem.objects.get()
    found = client.get("/archives/catalogue/", {"code": "108-0101"}).content.decode()
    assert item.file_code in found and "檔案應用申請" in found
    assert (
        item.file_code not in client.get("/archives/catalogue/", {"code": "107-"}).content.decode()
    )
    assert item.file_code in client.get("/archives/catalogue/", {"q": "應用"}).content.decode()
    assert (
        item.file_code in client.get("/archives/catalogue/", {"period": "108H2"}).content.decode()
    )
    assert (
        item.file_code
        not in client.get("/archives/catalogue/", {"archive_class": "0999"}).content.decode()
    )


def test_filing_page_refuses_an_open_document_in_chinese(clerk, client_for, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(), 108, "收發文")
    doc = closed_doc(close=False)
    r = client_for(clerk).post(
        "/archives/file/", {"number": doc.number, "case_file": case.pk, "volume_no": 1}
    )
    assert r.status_code == 200
    assert "已結案" in r.content.decode()
    assert not ArchiveItem.objects.exists()


def test_file_through_the_api(clerk, make_user, api_for, closed_doc, klass):
    case = filing.open_case_file(clerk, klass(), 108, "收發文")
    doc = closed_doc()
    r = api_for(clerk).post(f"/api/archives/case-files/{case.pk}/file/", {"document": doc.pk})
    assert r.status_code == 201, r.content
    assert r.json()["file_code"] == "108-0101-000001-001-000001"
    assert api_for(clerk).get("/api/archives/items/").json()["count"] == 1
    media = api_for(make_user("media", ["clerk"]))
    assert media.get("/api/archives/items/").json()["count"] == 0
    r = media.post(f"/api/archives/case-files/{case.pk}/file/", {"document": doc.pk})
    assert r.status_code == 404


def test_permanent_files_are_transferred_after_25_years(clerk, org, klass):
    from mishu.archives.services.filing import transfer, transfer_due

    k = klass(code="0401", retention="permanent")
    old = CaseFile.objects.create(
        division=org["documents"],
        year=70,
        archive_class=k,
        case_no=1,
        subject="府務會議",
        latest_on=datetime.date(1981, 12, 30),
    )
    young = CaseFile.objects.create(
        division=org["documents"],
        year=100,
        archive_class=k,
        case_no=1,
        subject="府務會議",
        latest_on=datetime.date(2011, 12, 30),
    )
    assert list(transfer_due(clerk, 2019)) == [old]
    with pytest.raises(ValidationError):
        transfer(
            clerk,
            org["documents"],
            [young],
            title="移轉",
            on=datetime.date(2019, 11, 1),
            approval_no="檔移字第1",
        )
    with pytest.raises(ValidationError):
        transfer(
            clerk,
            org["documents"],
            [old],
            title="移轉",
            on=datetime.date(2019, 11, 1),
            approval_no="",
        )
    record = transfer(
        clerk,
        org["documents"],
        [old],
        title="70 年永久保存檔案移轉",
        on=datetime.date(2019, 11, 1),
        approval_no="檔移字第1080000123號",
    )
    old.refresh_from_db()
    assert old.state == "transferred" and old.transfer == record and record.cases == 1
    assert list(transfer_due(clerk, 2019)) == []
