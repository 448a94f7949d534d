"""The archives' indicators come from their records, scoped by division; no records, no value."""

import datetime

import pytest

from mishu.archives.models import (
    AppraisalReport,
    CatalogueSubmission,
    CleanupCase,
    DestructionList,
    Inspection,
)
from mishu.archives.services import catalogue, filing
from mishu.indicators import registry

D = datetime.date


@pytest.fixture
def clerk(make_user, org):
    return make_user("documents", ["clerk"])


def test_catalogued_and_the_submission_count(clerk, org, closed_doc, klass):
    assert registry.value("archives.catalogued", "108H2") is None
    case = filing.open_case_file(clerk, klass(), 108, "收發文")
    for day in (D(2019, 7, 10), D(2019, 8, 1)):
        filing.file_document(clerk, closed_doc(closed_on=day), case, filed_on=day)
    filing.file_document(
        clerk,
        closed_doc(classification="restricted", declassification="公布後解密"),
        case,
        filed_on=D(2019, 8, 2),
    )
    assert registry.value("archives.catalogued", "108H2") == 3
    assert registry.value("archives.catalogued", "108H1") is None
    sub = catalogue.submit(clerk, org["documents"], org["secretariat"], 108, 2, D(2019, 12, 27))
    # classified items are left out of the file, and the count is the file's rows
    assert sub.records == 2
    rows = sub.export.read().decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 3 and rows[0].startswith("機關代碼,檔號")
    CatalogueSubmission.objects.create(
        division=org["documents"],
        agency=org["finance"],
        year=108,
        half=2,
        submitted_on=D(2019, 12, 20),
        records=100,
    )
    assert registry.value("archives.catalogue_published", "108H2") == 102
    # another division's clerk sees none of it
    media = clerk.__class__.objects.get(pk=clerk.pk)
    media.division = org["media"]
    assert registry.value("archives.catalogued", "108H2", media) is None


def test_destruction_counts_per_agency_from_first_reviews(org):
    def lst(agency, items, cases, volumes, reviewed):
        return DestructionList.objects.create(
            division=org["documents"],
            agency=agency,
            source="agency",
            title="t",
            received_on=D(2019, 7, 1),
            items=items,
            cases=cases,
            volumes=volumes,
            state="first_reviewed" if reviewed else "received",
            first_reviewed_on=reviewed,
        )

    lst(org["finance"], 1000, 10, 100, D(2019, 7, 5))
    lst(org["secretariat"], 50, 1, 5, D(2019, 9, 5))
    lst(org["finance"], 7, 1, 1, None)  # not yet reviewed
    assert registry.value("archives.destruction_items", "108H2") == 1050
    assert registry.value("archives.destruction_cases", "108H2") == 11
    assert registry.value("archives.destruction_volumes", "108H2", agency="財政局") == 100
    assert registry.breakdown("archives.destruction_items", "108H2").get("財政局") == 1000
    assert registry.value("archives.destruction_items", "108H1") is None


def test_appraisals_cleanup_and_inspections_in_the_year(org):
    div = org["documents"]
    for day in (D(2019, 3, 1), D(2019, 9, 1)):  # one agency twice: counted once
        AppraisalReport.objects.create(
            division=div,
            agency=org["finance"],
            subject="鑑定",
            years_from=39,
            years_to=81,
            submitted_on=day,
        )
    assert registry.value("archives.appraisal_agencies", "108") == 1
    for disposition, n in (("national", 2), ("temporary", 3)):
        for i in range(n):
            CleanupCase.objects.create(
                division=div,
                reference=f"{disposition}{i}",
                subject="s",
                disposition=disposition,
                approved_on=D(2019, 10, 1),
            )
    assert registry.value("archives.disposition_cases", "108", disposition="移轉為國家檔案") == 2
    assert registry.value("archives.disposition_cases", "108", disposition="改為機關定期保存") == 3
    assert registry.value("archives.disposition_cases", "108", disposition="機關永久保存") is None
    Inspection.objects.create(
        division=div, agency=org["finance"], year=108, inspected_on=D(2019, 9, 2)
    )
    Inspection.objects.create(
        division=div, unit_name="松山區公所", year=108, inspected_on=D(2019, 9, 3)
    )
    assert registry.value("documents.inspected_agencies", "108") == 2
    assert registry.value("documents.inspected_agencies", "107") is None
