"""文書組: the document register (import, workflow pages) and the archives (filing, the older
catalogue's import, the agencies' destruction lists, catalogue submissions, appraisal reports,
the planned clean-up and the document-handling inspections), entered through the pages.

Every expected figure is counted here from the rows below; rows dated in 108H2, 109H2, another
state or another disposition are entered beside them and must not count."""

from collections import Counter
from decimal import Decimal

from django.contrib.messages import ERROR, get_messages
from django.urls import reverse

from mishu.archives.models import ArchiveClass, ArchiveItem, CaseFile, DestructionList
from mishu.core import formats
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.documents import tally
from mishu.documents.models import Document

from . import page_text, total

DOCS = "documents"

# The register's export: (office, direction, sender, received_on, registered_on, subject,
# classification, dispatched_on, seal_uses). Outgoing documents drafted in the office (創稿)
# have no date of receipt; a document without a dispatch date is still open. The city's numbers
# (本府) only: the secretariat's own (本處) are the e-document module's, whose sign-off figures
# count them; what other modules' register rows add to documents.* comes from their
# `register_adds()` (see `others_add`).
REGISTER = [
    ("本府", "收文", "工務局", "108/12/20", "", "函送道路挖掘管線資料", "密", "108/12/30", "1"),
    ("本府", "收文", "都發局", "108/12/27", "", "函詢都市更新審議案", "", "109/1/3", "1"),
    ("本府", "收文", "財政局", "109/1/6", "", "函送市有財產清查報告", "", "109/1/9", "2"),
    ("本府", "收文", "教育局", "109/2/3", "", "函請協助辦理開學典禮", "", "109/3/5", "1"),
    ("本府", "發文", "", "", "109/3/20", "函頒本府文書處理注意事項", "", "109/3/23", "2"),
    ("本府", "發文", "", "", "109/4/1", "函送本府檔案清理計畫", "", "109/4/7", "0"),
    ("本府", "收文", "衛生局", "109/4/15", "", "函送防疫物資調度情形", "", "109/4/20", "1"),
    ("本府", "收文", "交通局", "109/5/6", "", "函請核定公車路線調整案", "", "", "3"),
    ("本府", "收文", "社會局", "109/6/22", "", "函送社福機構評鑑結果", "", "109/6/24", "2"),
    ("本府", "收文", "民政局", "109/6/29", "", "函詢里長聯誼活動場地", "", "109/7/2", "1"),
    ("本府", "收文", "警察局", "109/7/6", "", "函送治安會報紀錄", "", "", "0"),
]
# The open 交通局 document goes through the workflow pages and is dispatched on this day.
WORKFLOW_SUBJECT, WORKFLOW_DISPATCH = "函請核定公車路線調整案", "109/5/12"
# Closed documents filed into the office's case files through the filing page (filed on).
FILED = [
    ("函送道路挖掘管線資料", "108", "108/12/31"),  # classified: left out of the submission
    ("函送市有財產清查報告", "109", "109/1/15"),
    ("函送防疫物資調度情形", "109", "109/4/28"),
]
# An older paper catalogue taken over: (year, case_no, case subject, item_no, subject, doc_date,
# filed_on).
OLD_CATALOGUE = [
    ("85", "1", "85 年收發文", "1", "函送會議紀錄", "85/3/10", "108/11/20"),
    ("85", "1", "85 年收發文", "2", "函復議員質詢事項", "85/6/10", "108/11/20"),
    ("85", "1", "85 年收發文", "3", "函送預算執行情形", "85/9/2", "108/11/20"),
    ("86", "1", "86 年收發文", "1", "函請辦理市政會議", "86/2/4", "109/2/12"),
    ("86", "1", "86 年收發文", "2", "函送文書講習名冊", "86/5/19", "109/2/12"),
    ("86", "2", "86 年印信管理", "1", "函送印信啟用報告", "86/8/1", "109/5/27"),
    ("87", "1", "87 年收發文", "1", "函送年終考核結果", "87/1/5", "109/7/8"),
]
# The other agencies' catalogue submissions: (agency, year, half, submitted_on, records).
SUBMISSIONS = [
    ("財政局", "108", "2", "109/1/20", "48213"),
    ("教育局", "108", "2", "109/2/5", "126540"),
    ("社會局", "108", "1", "108/7/22", "30117"),
    ("工務局", "109", "1", "109/7/15", "5210"),
]
OWN_SUBMISSION = ("108", "2", "109/1/15")  # the secretariat's 108H2 catalogue, built by the page
# Agencies' destruction lists: (agency, title, received_on, items, cases, volumes, reviewed_on).
LISTS = [
    ("財政局", "財政局 108 年第 2 次檔案銷毀目錄", "108/12/10", 34302, 48, 2428, "108/12/18"),
    ("財政局", "財政局 109 年第 1 次檔案銷毀目錄", "109/2/10", 20561, 31, 1290, "109/2/19"),
    ("教育局", "教育局 109 年檔案銷毀目錄", "109/3/2", 15880, 22, 960, "109/3/9"),
    ("衛生局", "衛生局 109 年檔案銷毀目錄", "109/4/13", 9034, 12, 455, "109/4/20"),
    ("地政局", "地政局 109 年檔案銷毀目錄", "109/6/22", 5120, 8, 310, ""),
    ("環保局", "環保局 109 年檔案銷毀目錄", "109/6/24", 7730, 10, 402, "109/7/1"),
    ("文化局", "文化局 109 年檔案銷毀目錄", "109/3/16", 2210, 5, 120, ""),
]
# Steps taken on the lists' pages: (title, step, date, approval number).
LIST_STEPS = [
    ("地政局 109 年檔案銷毀目錄", "first_review", "109/6/30", ""),
    ("文化局 109 年檔案銷毀目錄", "return_to_agency", "109/3/20", ""),
    ("財政局 109 年第 1 次檔案銷毀目錄", "national_approval", "109/4/1", "檔徵字第1090001234號"),
]
# Appraisal reports (檔案鑑定報告): (agency, subject, submitted_on).
APPRAISALS = [
    ("工務局", "39 至 81 年永久保存檔案鑑定報告", "109/3/10"),
    ("工務局", "39 至 81 年永久保存檔案鑑定報告（第 2 批）", "109/5/6"),
    ("教育局", "39 至 81 年永久保存檔案鑑定報告", "109/4/20"),
    ("民政局", "39 至 81 年永久保存檔案鑑定報告", "109/6/15"),
    ("社會局", "39 至 81 年永久保存檔案鑑定報告", "108/10/15"),
]
# The planned clean-up's cases approved by the national archives: (reference, subject,
# disposition, approved_on).
CLEANUP = [
    ("039-0101-000001", "39 年市政會議紀錄", "national", "109/3/25"),
    ("041-0101-000003", "41 年市府組織規程修正", "national", "109/3/25"),
    ("045-0102-000002", "45 年公文收發登記簿", "permanent", "109/3/25"),
    ("048-0102-000001", "48 年印信啟用案", "permanent", "109/5/18"),
    ("052-0103-000004", "52 年文書講習案", "permanent", "109/5/18"),
    ("055-0103-000002", "55 年檔案點收案", "temporary", "109/5/18"),
    ("060-0104-000001", "60 年庶務採購案", "temporary", "109/6/10"),
    ("038-0101-000002", "38 年接收清冊", "national", "108/11/8"),
]
DISPOSITION = {
    "national": "移轉為國家檔案",
    "permanent": "機關永久保存",
    "temporary": "改為機關定期保存",
}
# Document-handling inspections: (agency, other unit, year, inspected_on, score).
INSPECTIONS = [
    ("財政局", "", "109", "109/5/12", "92.5"),
    ("教育局", "", "109", "109/5/14", "88"),
    ("", "中正區公所", "109", "109/5/20", "90"),
    ("財政局", "", "109", "109/6/2", "95"),  # re-inspected: one agency
    ("", "大安區公所", "109", "109/6/3", "86.5"),
    ("工務局", "", "108", "108/10/8", "89"),
]


def _ym(day: str) -> tuple[int, int]:
    year, month, _day = (int(p) for p in day.split("/"))
    return year, month


def in_h1(day: str) -> bool:
    return bool(day) and _ym(day)[0] == 109 and _ym(day)[1] <= 6


def in_109(day: str) -> bool:
    return bool(day) and _ym(day)[0] == 109


def in_108h2(day: str) -> bool:
    return bool(day) and _ym(day)[0] == 108 and _ym(day)[1] >= 7


def agency_pk(short_name: str) -> int:
    return Agency.objects.get(short_name=short_name).pk


def add(ctx, model_name: str, /, **data) -> None:
    """Post a record of the archives through its add form, as a clerk of 文書組."""
    ctx.post(DOCS, f"archives:{model_name}_add", {"division": division(DOCS).pk, **data})


def page_step(ctx, url_name, pk, data, role="clerk"):
    """Post a workflow step on a record's page (it redirects either way): no error reported."""
    response = ctx.client(DOCS, role).post(reverse(url_name, args=[pk]), data)
    assert response.status_code == 302, page_text(response)
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level == ERROR]
    assert not errors, (url_name, data, errors)


# ---------------------------------------------------------------------------------------------
# Entering


def enter_register(ctx) -> None:
    columns = (
        "office", "direction", "sender", "received_on", "registered_on", "subject",
        "classification", "dispatched_on", "seal_uses",
        "division", "speed", "medium", "handling_mode", "recipients",
    )  # fmt: skip
    rows = [(*r, DOCS, "普通件", "電子", "online", "臺北市政府各機關") for r in REGISTER]
    ctx.upload(DOCS, "documents:document_import", columns, rows, Document)
    # The open 交通局 document: assigned, drafted, signed, approved and dispatched on its page.
    doc = Document.objects.get(subject=WORKFLOW_SUBJECT).pk
    steps = [
        ("clerk", {"transition": "assign", "handler": ctx.user(DOCS, "clerk").pk}),
        ("clerk", {"transition": "draft"}),
        ("clerk", {"transition": "sign"}),
        ("supervisor", {"transition": "approve"}),
        ("clerk", {"transition": "dispatch", "on": WORKFLOW_DISPATCH}),
    ]
    for role, data in steps:
        page_step(ctx, "documents:document_transition", doc, data, role)


def enter_catalogue(ctx) -> None:
    """The classification scheme and case files (add forms), closed documents filed into them
    (the filing page), and the older catalogue (its import page)."""
    docs = division(DOCS).pk
    add(ctx, "archiveclass", code="0101", name="文書綜合", retention="30")
    klass = ArchiveClass.objects.get(division=docs, code="0101").pk
    cases = {}
    for year in ("108", "109"):
        subject = f"{year} 年府秘收發文"
        add(ctx, "casefile", year=year, archive_class=klass, case_no="1", subject=subject,
            medium="electronic", volumes="1")  # fmt: skip
        cases[year] = CaseFile.objects.get(division=docs, year=int(year), archive_class=klass).pk
    for subject, year, filed_on in FILED:
        number = Document.objects.get(subject=subject).number
        data = {"number": number, "case_file": cases[year], "volume_no": "1", "filed_on": filed_on}
        ctx.post(DOCS, "archives:file_document", data)
    columns = (
        "year", "class_code", "case_no", "case_subject", "volume_no", "item_no", "subject",
        "doc_date", "filed_on", "medium", "pages",
    )  # fmt: skip
    rows = [
        (y, "0101", c, cs, "1", i, s, d, f, "紙本", "3") for y, c, cs, i, s, d, f in OLD_CATALOGUE
    ]
    ctx.upload(DOCS, "archives:archiveitem_import", columns, rows, ArchiveItem)


def enter_submissions(ctx) -> None:
    year, half, submitted_on = OWN_SUBMISSION
    data = {"year": year, "half": half, "submitted_on": submitted_on}
    ctx.post(DOCS, "archives:submit_catalogue", data)  # built from the office's catalogue
    for agency, year, half, submitted_on, records in SUBMISSIONS:
        add(ctx, "cataloguesubmission", agency=agency_pk(agency), year=year, half=half,
            submitted_on=submitted_on, records=records)  # fmt: skip


def enter_destruction(ctx) -> None:
    columns = ("agency", "title", "received_on", "items", "cases", "volumes", "first_reviewed_on")
    ctx.upload(DOCS, "archives:destructionlist_import", columns, LISTS, DestructionList)
    for title, step, on, number in LIST_STEPS:
        pk = DestructionList.objects.get(title=title).pk
        data = {"step": step, "on": on, "approval_no": number}
        page_step(ctx, "archives:destructionlist_detail", pk, data)


def enter_oversight(ctx) -> None:
    for agency, subject, submitted_on in APPRAISALS:
        add(ctx, "appraisalreport", agency=agency_pk(agency), subject=subject, years_from="39",
            years_to="81", submitted_on=submitted_on, cases="120")  # fmt: skip
    for reference, subject, disposition, approved_on in CLEANUP:
        add(ctx, "cleanupcase", reference=reference, subject=subject, disposition=disposition,
            approved_on=approved_on, approval_no="檔徵字第1090000815號")  # fmt: skip
    for agency, unit, year, inspected_on, score in INSPECTIONS:
        add(ctx, "inspection", agency=agency_pk(agency) if agency else "", unit_name=unit,
            year=year, inspected_on=inspected_on, score=score, findings="公文處理時效良好")  # fmt: skip


def enter(ctx) -> dict:
    enter_register(ctx)
    enter_catalogue(ctx)
    enter_submissions(ctx)
    enter_destruction(ctx)
    enter_oversight(ctx)
    assert tally.differences() == {}  # the monthly tallies agree with the register's rows
    return register_figures() | archive_figures()


def others_add() -> Counter:
    """What the register rows other modules enter add to the register's figures: each module
    that enters documents defines `register_adds()` → {(code, cell): Decimal} for the additive
    ones (received, sent, sealed), counted from its own rows."""
    from . import entry_modules

    adds: Counter = Counter()
    for module in entry_modules():
        if module.__name__ != __name__ and hasattr(module, "register_adds"):
            adds.update(module.register_adds())
    return adds


# ---------------------------------------------------------------------------------------------
# The figures, counted from the rows above


def dispatched(row) -> str:
    """The dispatch date of a register row: the file's, or the one taken on the page."""
    return WORKFLOW_DISPATCH if row[5] == WORKFLOW_SUBJECT else row[7]


def register_figures() -> dict:
    received = [r for r in REGISTER if in_h1(r[3])]
    sent = [r for r in REGISTER if in_h1(dispatched(r))]
    # every document is closed by its dispatch here: a month has statistics if one closed in it
    months = {_ym(dispatched(r)) for r in sent}
    adds = others_add()
    figures = {
        ("documents.received", ()): Decimal(len(received)),
        ("documents.sent", ()): Decimal(len(sent)),
        ("documents.sealed", ()): total(r[8] for r in sent),
    }
    figures = {key: value + adds.get(key, 0) for key, value in figures.items()}
    figures[("documents.timeliness_check_months", ())] = Decimal(len(months))
    return figures


def reviewed_on(row) -> str:
    steps = [on for title, step, on, _n in LIST_STEPS if title == row[1] and step == "first_review"]
    return row[6] or (steps[0] if steps else "")


def archive_figures() -> dict:
    classified = {r[5] for r in REGISTER if r[6]}
    catalogued = [f for *_r, f in FILED if in_h1(f)] + [r[6] for r in OLD_CATALOGUE if in_h1(r[6])]
    # the secretariat's own submission carries its unclassified items filed in 108H2
    own = [s for s, _y, f in FILED if in_108h2(f) and s not in classified]
    own += [r for r in OLD_CATALOGUE if in_108h2(r[6])]
    published = [Decimal(r[4]) for r in SUBMISSIONS if in_h1(r[3])]
    if in_h1(OWN_SUBMISSION[2]):
        published.append(Decimal(len(own)))
    reviewed = [r for r in LISTS if in_h1(reviewed_on(r))]
    dispositions = Counter(DISPOSITION[c[2]] for c in CLEANUP if in_109(c[3]))
    units = {(a, u) for a, u, _y, on, _s in INSPECTIONS if in_109(on)}
    figures = {
        ("archives.catalogued", ()): Decimal(len(catalogued)),
        ("archives.catalogue_published", ()): total(published),
        ("archives.destruction_items", ()): total(r[3] for r in reviewed),
        ("archives.destruction_cases", ()): total(r[4] for r in reviewed),
        ("archives.destruction_volumes", ()): total(r[5] for r in reviewed),
        ("archives.appraisal_agencies", (), "109"): Decimal(
            len({a for a, _s, on in APPRAISALS if in_109(on)})
        ),
        ("documents.inspected_agencies", (), "109"): Decimal(len(units)),
    }
    for name, n in dispositions.items():
        figures[("archives.disposition_cases", (("disposition", name),), "109")] = Decimal(n)
    return figures


# ---------------------------------------------------------------------------------------------
# The report's sentences


def check_report(text: str, expected: dict) -> None:
    def wan(code, *key):
        return formats.format_wan(expected[(code, *key)] if key else expected[(code, ())])

    def n(code, cell=(), period=None):
        key = (code, cell, period) if period else (code, cell)
        return formats.format_int(expected[key])

    months = n("documents.timeliness_check_months")
    assert f"賡續按月（本期 {months} 個月）辦理本處" in text
    for label, code in (
        ("本府及本處收文", "documents.received"),
        ("本府及本處發文", "documents.sent"),
        ("本府及本處蓋用印信", "documents.sealed"),
        ("本處檔案編目", "archives.catalogued"),
    ):
        assert f"{label} {wan(code)} 件" in text, label
    assert (
        f"初審檔案銷毀目錄 {wan('archives.destruction_items')} 件；"
        f"{wan('archives.destruction_cases')} 案({wan('archives.destruction_volumes')} 卷)"
    ) in text
    assert f"對外公開 {wan('archives.catalogue_published')} 筆" in text
    assert "(三)完成 109 年度公文處理成效檢核作業" in text
    inspected = n("documents.inspected_agencies", period="109")
    assert f"區公所等 {inspected} 個機關進行 109 年度公文處理成效全面檢核作業" in text
    appraised = n("archives.appraisal_agencies", period="109")
    assert f"109 年完成 {appraised} 個機關之檔案鑑定報告送審作業" in text
    national, permanent, temporary = (
        n("archives.disposition_cases", (("disposition", name),), "109")
        for name in DISPOSITION.values()
    )
    assert (
        f"109 年賡續辦理本處 39 至 65 年間總類檔案清理作業，經檔案管理局核定，{national} 案"
        f"移轉為國家檔案、{permanent} 案由機關永久保存，另 {temporary} 案改為機關定期保存"
    ) in text
    section = text.split("二、文書處理及檔案管理", 1)[1].split("三、推動國際事務", 1)[0]
    assert "108 年" not in section and "108 年度" not in section
    for code, *_rest in expected:
        if code.split(".")[0] in ("documents", "archives"):
            assert f"【缺：{code}】" not in text, code
