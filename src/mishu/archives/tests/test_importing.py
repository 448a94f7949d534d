"""Imports: agencies' destruction lists with their counts (the first review recorded), and an
older catalogue; all or nothing, every bad row reported in Chinese."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from mishu.archives.models import ArchiveItem, CaseFile, DestructionList, DestructionStep
from mishu.indicators import registry


def _csv(text):
    return SimpleUploadedFile("x.csv", ("\ufeff" + text).encode("utf-8"), content_type="text/csv")


def test_agency_lists_import_and_their_first_review_counts(make_user, client_for, org):
    clerk = make_user("documents", ["clerk"])
    client = client_for(clerk)
    head = "agency,title,received_on,items,cases,volumes,first_reviewed_on,note\n"
    bad = head + "財政局,目錄,108/8/1,100,2,10,108/8/6,\n不存在局,目錄,108/8/1,x,2,10,,\n"
    page = client.post("/archives/destructionlists/import/", {"file": _csv(bad)}).content.decode()
    assert "不存在局" in page and not DestructionList.objects.exists()
    good = head + '財政局,目錄,108/8/1,"34,302",48,2428,108/8/6,\n教育局,目錄,108/9/1,10,1,1,,\n'
    client.post("/archives/destructionlists/import/", {"file": _csv(good)})
    assert DestructionList.objects.count() == 2
    assert DestructionStep.objects.filter(name="first_review").count() == 1
    assert registry.value("archives.destruction_items", "108H2") == 34302
    template = client.get("/archives/destructionlists/import/?template=csv")
    assert template.status_code == 200 and "first_reviewed_on" in template.content.decode(
        "utf-8-sig"
    )


def test_catalogue_import_opens_case_files_and_refuses_a_used_code(make_user, client_for, klass):
    clerk = make_user("documents", ["clerk"])
    klass(code="0101", retention="10")
    client = client_for(clerk)
    head = "year,class_code,case_no,case_subject,volume_no,item_no,subject,doc_date,filed_on,medium,pages\n"
    rows = (
        "85,0101,3,85 年收發文,1,1,函送會議紀錄,85/3/10,85/12/30,紙本,4\n"
        "85,0101,3,85 年收發文,1,2,函復,85/6/10,85/12/30,紙本,2\n"
    )
    client.post("/archives/archiveitems/import/", {"file": _csv(head + rows)})
    assert ArchiveItem.objects.count() == 2
    case = CaseFile.objects.get()
    assert case.latest_on == datetime.date(1996, 6, 10) and case.due_on == datetime.date(2007, 1, 1)
    again = head + rows.splitlines()[0] + "\n85,0999,1,x,1,1,y,85/1/1,,紙本,1\n"
    page = client.post("/archives/archiveitems/import/", {"file": _csv(again)}).content.decode()
    assert "085-0101-000003-001-000001" in page and "0999" in page
    assert ArchiveItem.objects.count() == 2
