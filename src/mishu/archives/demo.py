"""Demo archives of 文書組 reproducing the seed's 壹二 figures for 108H2 (and the year 108):

- 7,688 items catalogued: closed documents of 文書組 filed in 108H2 into case files of its
  classification scheme (bulk, one change-log entry per batch of 5,000 through `FilingBatch`);
- the agencies' destruction lists first-reviewed in 108H2: 68 萬 6,052 件, 970 案, 4 萬 8,570 卷;
- catalogue submissions of 108H2: the secretariat's own export file (its rows counted) and the
  agencies' submissions, 65 萬 1,746 records in all;
- 31 agencies' appraisal reports submitted in 108; the planned clean-up's 631 cases approved in
  108 (17 / 313 / 301 by disposition); 44 agencies and district offices inspected in 108;
- a few old case files past their retention, on the due list; three applications to read or
  copy archives (approved with a visit, refused on a legal ground, pending).

Idempotent: each part is skipped when its records exist.
"""

import datetime

from django.db import transaction

from mishu.core.models import Agency, Division

from .choices import Disposition, ListSource, ListState, Medium, Retention
from .models import (
    AppraisalReport,
    ArchiveClass,
    ArchiveItem,
    CaseFile,
    CatalogueSubmission,
    CleanupCase,
    DestructionList,
    FilingBatch,
    Inspection,
)
from .services.catalogue import build_submission

D = datetime.date
BATCH = 5000
CATALOGUED = 7688
DESTRUCTION = (686052, 970, 48570)  # items, cases, volumes
PUBLISHED = 651746
APPRAISAL_AGENCIES = 31
DISPOSITIONS = {Disposition.NATIONAL: 17, Disposition.PERMANENT: 313, Disposition.TEMPORARY: 301}
DISTRICTS = [
    "松山",
    "信義",
    "大安",
    "中山",
    "中正",
    "大同",
    "萬華",
    "文山",
    "南港",
    "內湖",
    "士林",
    "北投",
]
INSPECTED_AGENCIES = 32  # plus the 12 district offices: 44

# code, name, retention
CLASSES = [
    ("0101", "收發文及用印", Retention.Y10),
    ("0102", "公文時效管制", Retention.Y5),
    ("0201", "檔案管理", Retention.Y30),
    ("0202", "檔案銷毀及移轉", Retention.PERMANENT),
    ("0301", "文書處理研考", Retention.Y3),
    ("0401", "府務會議及法規", Retention.PERMANENT),
]


def _split(total: int, parts: int) -> list[int]:
    """`total` in `parts` nearly equal whole parts (the first ones one larger)."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _classes(division) -> dict[str, ArchiveClass]:
    out = {}
    for code, name, retention in CLASSES:
        out[code], _ = ArchiveClass.objects.get_or_create(
            division=division, code=code, defaults={"name": name, "retention": retention}
        )
    return out


def _catalogue(division, classes) -> None:
    from mishu.documents.models import Document

    if FilingBatch.objects.filter(
        division=division, source="demo", label__startswith="108H2"
    ).exists():
        return
    docs = list(
        Document.objects.filter(
            division=division,
            closed_on__range=(datetime.date(2019, 7, 1), datetime.date(2019, 12, 20)),
        )
        .order_by("closed_on", "pk")
        .values_list("pk", "subject", "closed_on", "medium", "classification")[:CATALOGUED]
    )
    if len(docs) < CATALOGUED:
        return  # the register's demo is not loaded
    codes = list(classes)
    cases = {}
    for month in range(7, 13):
        for i, code in enumerate(codes):
            cases[(month, code)] = CaseFile.objects.create(
                division=division,
                year=108,
                archive_class=classes[code],
                case_no=month * 10 + i,
                subject=f"108 年 {month} 月{classes[code].name}",
                medium=Medium.ELECTRONIC,
                volumes=1,
                boxes=f"108-{month:02d}",
                location="市政大樓 B1 檔案庫房",
            )
    next_item = dict.fromkeys(cases, 0)
    latest = {}
    for start in range(0, len(docs), BATCH):
        chunk = docs[start : start + BATCH]
        batch = FilingBatch.objects.create(
            division=division,
            source="demo",
            label=f"108H2 {start + 1}–{start + len(chunk)}",
            count=len(chunk),
        )
        rows = []
        for n, (pk, subject, closed, medium, classification) in enumerate(chunk, start=start):
            key = (closed.month, codes[n % len(codes)])
            case = cases[key]
            next_item[key] += 1
            filed = min(closed + datetime.timedelta(days=3), datetime.date(2019, 12, 31))
            item = ArchiveItem(
                division=division,
                case_file=case,
                document_id=pk,
                volume_no=1,
                item_no=next_item[key],
                subject=subject[:500],
                doc_date=closed,
                filed_on=filed,
                medium=Medium.PAPER if medium == "paper" else Medium.ELECTRONIC,
                classified=bool(classification),
                batch=batch,
            )
            item.file_code = item.make_code()
            rows.append(item)
            latest[key] = max(latest.get(key, closed), closed)
        ArchiveItem.objects.bulk_create(rows, batch_size=1000)
    for key, case in cases.items():
        if key in latest:
            case.latest_on = latest[key]
            case.compute_due()
            case.save(update_fields=["latest_on", "due_on", "last_updated"])


def _old_files(division, classes) -> None:
    """Case files of 97–103 past their retention (on the due list); one list drawn from them."""
    if CaseFile.objects.filter(division=division, year__lt=108).exists():
        return
    for year, code in ((97, "0101"), (98, "0101"), (102, "0102"), (103, "0301"), (104, "0301")):
        case = CaseFile.objects.create(
            division=division,
            year=year,
            archive_class=classes[code],
            case_no=1,
            subject=f"{year} 年{classes[code].name}",
            medium=Medium.PAPER,
            volumes=2,
            boxes=f"{year}-01",
            location="市政大樓 B1 檔案庫房",
            latest_on=datetime.date(year + 1911, 12, 28),
        )
        case.compute_due()
        case.save()
        for n in range(1, 4):
            ArchiveItem.objects.create(
                division=division,
                case_file=case,
                volume_no=1,
                item_no=n,
                subject=f"{case.subject}（第 {n} 件）",
                doc_date=datetime.date(year + 1911, 3 * n, 10),
                filed_on=datetime.date(year + 1911, 12, 30),
                medium=Medium.PAPER,
            )


def _agency_lists(division, agencies) -> None:
    if DestructionList.objects.filter(source=ListSource.AGENCY, received_on__year=2019).exists():
        return
    chosen = agencies[1:21]
    parts = [_split(total, len(chosen)) for total in DESTRUCTION]
    for i, agency in enumerate(chosen):
        received = datetime.date(2019, 7 + i % 6, 2 + i)
        DestructionList.objects.create(
            division=division,
            agency=agency,
            source=ListSource.AGENCY,
            title=f"{agency.short_name} 108 年檔案銷毀目錄",
            received_on=received,
            items=parts[0][i],
            cases=parts[1][i],
            volumes=parts[2][i],
            state=ListState.FIRST_REVIEWED,
            first_reviewed_on=received + datetime.timedelta(days=5),
        )


def _submissions(division, agencies) -> None:
    if CatalogueSubmission.objects.filter(year=108, half=2).exists():
        return
    own = build_submission(division, agencies[0], 108, 2, datetime.date(2019, 12, 27))
    others = agencies[1:]
    for agency, n in zip(others, _split(PUBLISHED - own.records, len(others)), strict=True):
        CatalogueSubmission.objects.create(
            division=division,
            agency=agency,
            year=108,
            half=2,
            submitted_on=datetime.date(2019, 12, 20),
            records=n,
        )


def _appraisals(division, agencies) -> None:
    if AppraisalReport.objects.filter(submitted_on__year=2019).exists():
        return
    for i, agency in enumerate(agencies[1 : 1 + APPRAISAL_AGENCIES]):
        AppraisalReport.objects.create(
            division=division,
            agency=agency,
            subject=f"{agency.short_name} 39 至 81 年永久保存檔案鑑定報告",
            years_from=39,
            years_to=81,
            submitted_on=datetime.date(2019, 1 + i % 12, 15),
            cases=40 + i,
        )


def _cleanup(division) -> None:
    if CleanupCase.objects.filter(approved_on__year=2019).exists():
        return
    batch = FilingBatch.objects.create(
        division=division,
        source="demo",
        label="108 計畫性清理核定",
        count=sum(DISPOSITIONS.values()),
    )
    rows, n = [], 0
    for disposition, count in DISPOSITIONS.items():
        for _i in range(count):
            n += 1
            rows.append(
                CleanupCase(
                    division=division,
                    reference=f"0{39 + n % 27}-0001-{n:06d}",
                    subject=f"總類檔案（{39 + n % 27} 年）第 {n} 案",
                    disposition=disposition,
                    approved_on=datetime.date(2019, 10, 18),
                    approval_no="檔徵字第1080012345號",
                    batch=batch,
                )
            )
    CleanupCase.objects.bulk_create(rows, batch_size=1000)


def _inspections(division, agencies) -> None:
    if Inspection.objects.filter(year=108).exists():
        return
    units = [(a, "") for a in agencies[1 : 1 + INSPECTED_AGENCIES]]
    units += [(None, f"{d}區公所") for d in DISTRICTS]
    for i, (agency, name) in enumerate(units):
        Inspection.objects.create(
            division=division,
            agency=agency,
            unit_name=name,
            year=108,
            inspected_on=datetime.date(2019, 9 + i % 3, 2 + i % 25),
            findings="公文處理時效良好，部分案件未依規定辦理展期。",
        )


def _applications(division) -> None:
    from .models import ArchiveApplication, ReadingVisit

    if ArchiveApplication.objects.filter(division=division).exists():
        return
    rows = [
        ("陳大文", "read", D(2019, 9, 2), "108-0101-000070", "approved", D(2019, 9, 10), ""),
        ("林小美", "copy", D(2019, 10, 7), "府務會議紀錄", "refused", D(2019, 10, 21), "18-5"),
        ("張志明", "read", D(2019, 12, 16), "108-0201-000122", "pending", None, ""),
    ]
    for name, purpose, received, requested, state, decided, ground in rows:
        app = ArchiveApplication.objects.create(
            division=division,
            applicant_name=name,
            applicant_contact="02-2720-8889",
            purpose=purpose,
            received_on=received,
            requested=requested,
            state=state,
            decided_on=decided,
            refusal_reason=ground,
        )
        if state == "approved":
            ReadingVisit.objects.create(application=app, visited_on=D(2019, 9, 16), copies=12)


def load() -> None:
    """Create the demo archives (idempotent)."""
    division = Division.objects.get(code="documents")
    agencies = list(Agency.objects.order_by("order", "code"))  # the secretariat first
    with transaction.atomic():
        classes = _classes(division)
        _catalogue(division, classes)
        _old_files(division, classes)
        _agency_lists(division, agencies)
        _submissions(division, agencies)
        _appraisals(division, agencies)
        _cleanup(division)
        _inspections(division, agencies)
        _applications(division)
