"""Per-period drafts: started from the previous draft or the structure, sections written by
their divisions, approved by supervisors, compiled and finalised by 研考, locked when the period
closes; versions, comments, diff, events and the change log."""

import pytest

from mishu.core.formats import Period
from mishu.reports import drafts
from mishu.reports.models import DraftEvent, ReportDraft, ReportTemplate

STRUCTURE = """開頭 {{ period label }}。

壹、{{ period label }}重要業務執行成果

一、事務管理及研考業務

用電 {{ value E_KWH }} 度。

二、文書處理及檔案管理

文書。

貳、策略目標

KPI。
"""


@pytest.fixture
def people(make_user):
    return {
        "eval": make_user("general-affairs", ["evaluator"]),
        "ga": make_user("general-affairs", ["clerk"]),
        "ga_sup": make_user("general-affairs", ["supervisor"]),
        "doc": make_user("documents", ["clerk"]),
        "doc_sup": make_user("documents", ["supervisor"]),
    }


@pytest.fixture
def draft(figures, template, people):
    template(STRUCTURE)
    return drafts.start(Period.parse("108H2"), people["eval"])


def test_structure_sections_are_owned_by_divisions(draft):
    owners = {s.key: getattr(s.division, "code", None) for s in draft.sections.all()}
    assert owners == {
        "開頭": None,
        "壹": None,
        "壹一": "general-affairs",
        "壹二": "documents",
        "貳": None,
    }
    assert [v.number for s in draft.sections.all() for v in s.versions.all()] == [1] * 5


def test_only_evaluators_start_a_draft_once(figures, template, people):
    template(STRUCTURE)
    with pytest.raises(drafts.DraftError, match="只有研考人員"):
        drafts.start(Period.parse("108H2"), people["ga"])
    drafts.start(Period.parse("108H2"), people["eval"])
    with pytest.raises(drafts.DraftError, match="已存在"):
        drafts.start(Period.parse("108H2"), people["eval"])


def test_next_period_starts_from_the_previous_draft(draft, people):
    section = draft.sections.get(key="壹二")
    drafts.save_section(section, "二、文書處理及檔案管理\n\n本期新寫法。", people["doc"])
    following = drafts.start(Period.parse("109H1"), people["eval"])
    assert following.started_from == draft
    assert following.sections.get(key="壹二").body.endswith("本期新寫法。")
    assert following.sections.get(key="壹二").division.code == "documents"


def test_clerk_edits_only_own_division(draft, people):
    own, other = draft.sections.get(key="壹一"), draft.sections.get(key="壹二")
    with pytest.raises(drafts.DraftError, match="本章節由文書組撰寫"):
        drafts.save_section(other, "x", people["ga"])
    with pytest.raises(drafts.DraftError, match="研考"):
        drafts.save_section(draft.sections.get(key="貳"), "x", people["ga"])
    saved = drafts.save_section(own, own.body + "\n\n補充。", people["ga"], "補充說明")
    assert saved.version == 2 and saved.versions.first().note == "補充說明"
    with pytest.raises(drafts.DraftError, match=r"第 1 行"):
        drafts.save_section(saved, "{{ value", people["ga"])
    assert type(saved).objects.get(pk=saved.pk).version == 2  # nothing half-written


def test_whole_workflow_to_a_locked_final(draft, people):
    from mishu.indicators import services as indicator_services

    with pytest.raises(drafts.DraftError, match="尚有章節未經主管核定"):
        drafts.draft_step(draft, "compile", people["eval"])
    for section in draft.sections.all():
        writer, approver = {
            "general-affairs": (people["ga"], people["ga_sup"]),
            "documents": (people["doc"], people["doc_sup"]),
        }.get(getattr(section.division, "code", None), (people["eval"], people["eval"]))
        with pytest.raises(drafts.DraftError):
            drafts.section_step(section, "approve", writer if writer != approver else people["doc"])
        drafts.section_step(section, "submit", writer)
        if section.key == "壹二":
            with pytest.raises(drafts.DraftError, match="您不能"):
                drafts.section_step(section, "approve", people["ga_sup"])
        drafts.section_step(section, "approve", approver)
    with pytest.raises(drafts.DraftError, match="只有研考"):
        drafts.draft_step(draft, "compile", people["ga_sup"])
    for step in ("compile", "review", "finalise"):
        drafts.draft_step(draft, step, people["eval"])
    draft.refresh_from_db()
    assert draft.state == "final" and not draft.locked
    with pytest.raises(drafts.DraftError, match="已定稿"):
        drafts.save_section(draft.sections.get(key="壹一"), "x", people["eval"])
    indicator_services.close_period(Period.parse("108H2"), people["eval"])
    assert ReportDraft.objects.get(pk=draft.pk).locked
    with pytest.raises(drafts.DraftError, match="鎖定"):
        drafts.draft_step(draft, "reopen", people["eval"])
    actions = list(DraftEvent.objects.filter(draft=draft).values_list("action", flat=True))
    assert actions.count("submit") == 5 and actions.count("approve") == 5
    assert actions[-3:] == ["compile", "review", "finalise"]


def test_reopen_returns_sections_to_their_writers(draft, people):
    for section in draft.sections.all():
        section.state = "approved"
        section.save()
    drafts.draft_step(draft, "compile", people["eval"])
    section = draft.sections.get(key="壹一")
    drafts.save_section(section, "一、事務管理及研考業務\n\n研考修正。", people["eval"])
    with pytest.raises(drafts.DraftError, match="彙編中"):
        drafts.save_section(section, "x", people["ga"])
    with pytest.raises(drafts.DraftError, match="須填寫理由"):
        drafts.draft_step(draft, "reopen", people["eval"], "  ")
    drafts.draft_step(draft, "reopen", people["eval"], "用電數字待更正")
    section.refresh_from_db()
    assert section.state == "returned"
    drafts.save_section(section, section.body + "\n\n再修。", people["ga"])


def test_report_is_built_from_the_draft(draft, people):
    from mishu.reports.rendering import build

    section = draft.sections.get(key="壹一")
    drafts.save_section(
        section, "一、事務管理及研考業務\n\n本期總用電 {{ value E_KWH }} 度。", people["ga"]
    )
    built = build("108H2", "html")
    assert built.draft == draft and "本期總用電 1,151 萬 9,200 度" in built.content.decode()
    # another period without a draft still reads the structure
    assert build("107H2", "html").draft is None


def test_pages_edit_comment_and_diff(draft, people, client_for):
    client = client_for(people["doc"])
    page = client.get("/reports/periods/108H2/draft/").content.decode()
    assert "文書組" in page and "各單位撰寫中" in page
    url = "/reports/periods/108H2/draft/壹二/"
    response = client.post(url, {"body": "二、文書處理及檔案管理\n\n新增一句。", "note": "補"})
    assert response.status_code == 302
    client.post(url + "comment/", {"text": "請補數字"})
    page = client.get(url).content.decode()
    assert "請補數字" in page and "補" in page
    diff = client.get(url + "diff/?a=1&b=2").content.decode()
    assert "新增一句" in diff and "diff_add" in diff
    # someone else's section: the page shows text only and a POST is refused
    other = client.post("/reports/periods/108H2/draft/壹一/", {"body": "亂改"}, follow=True)
    assert "本章節由總務組撰寫" in other.content.decode()
    assert "亂改" not in draft.sections.get(key="壹一").body
    assert client.get("/reports/periods/108H2/draft/沒有/").status_code == 404
    assert client.get("/reports/periods/10XH2/draft/").status_code == 404


def test_section_saves_are_in_the_change_log(draft, people, client_for):
    from mishu.core.models import ObjectChange

    section = draft.sections.get(key="壹二")
    client_for(people["doc"]).post(
        "/reports/periods/108H2/draft/壹二/", {"body": "二、文書處理及檔案管理\n\n改。"}
    )
    change = ObjectChange.objects.filter(object_id=str(section.pk), action="update").first()
    assert change is not None and change.user == people["doc"]


def test_api_steps_follow_the_same_rules(draft, people, api_for):
    section = draft.sections.get(key="壹二")
    api = api_for(people["ga"])
    refused = api.post(f"/api/reports/sections/{section.pk}/edit/", {"body": "x"}, format="json")
    assert refused.status_code == 400 and "文書組" in refused.json()["detail"]
    api = api_for(people["doc"])
    ok = api.post(f"/api/reports/sections/{section.pk}/edit/", {"body": "新"}, format="json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    assert (
        api.post(f"/api/reports/sections/{section.pk}/step/", {"step": "submit"}).status_code == 200
    )
    got = api.get("/api/reports/drafts/108H2/").json()
    assert {s["key"]: s["state"] for s in got["sections"]}["壹二"] == "submitted"
    bad = api_for(people["eval"]).post("/api/reports/drafts/start/", {"period": "10XH1"})
    assert bad.status_code == 400


def test_fresh_database_structure_is_created_once(db):
    first = ReportTemplate.structure()
    assert ReportTemplate.structure() == first and first.owner_rows.count() == 12


def test_a_section_is_returned_with_its_reason_on_the_page(draft, people, client_for):
    section = draft.sections.get(key="壹一")
    drafts.section_step(section, "submit", people["ga"])
    client = client_for(people["ga_sup"])
    page = client.get("/reports/periods/108H2/draft/壹一/").content.decode()
    assert 'name="note"' in page and "理由（必填）" in page  # the reason is asked where it is given
    url = "/reports/periods/108H2/draft/壹一/step/return/"
    r = client.post(url, {"note": ""}, follow=True)
    assert "須填寫理由" in r.content.decode()
    section.refresh_from_db()
    assert section.state == "submitted"
    client.post(url, {"note": "第 2 段數字與表不符"})
    section.refresh_from_db()
    assert section.state == "returned"
    event = DraftEvent.objects.filter(section=section).latest("pk")
    assert (event.action, event.note, event.user) == (
        "return",
        "第 2 段數字與表不符",
        people["ga_sup"],
    )
    writer_page = client_for(people["ga"]).get("/reports/periods/108H2/draft/壹一/")
    assert "第 2 段數字與表不符" in writer_page.content.decode()


def test_draft_page_shows_the_consistency_findings(draft, people, client_for):
    section = draft.sections.get(key="壹二")
    body = "二、文書處理及檔案管理\n\n107 年 3 月 1 日完成文書改版。"  # a date outside 108H2
    drafts.save_section(section, body, people["doc"])
    page = client_for(people["ga"]).get("/reports/periods/108H2/draft/").content.decode()
    checks = page.split('id="checks"', 1)[1].split("</section>", 1)[0]
    assert "107 年 3 月 1 日" in checks and 'id="findings"' in checks


def test_the_period_page_shows_the_sections_progress(draft, people, client_for):
    from django.urls import reverse

    section = draft.sections.get(key="壹二")
    drafts.section_step(section, "submit", people["doc"])
    drafts.section_step(section, "approve", people["doc_sup"])
    drafts.section_step(draft.sections.get(key="壹一"), "submit", people["ga"])
    assert [n for _c, _l, n in drafts.progress(draft)] == [3, 1, 1, 0]
    page = client_for(people["eval"]).get(reverse("reports:period", args=["108H2"]))
    chart = page.context["progress_chart"]
    assert chart.rows == [
        ("撰寫中", "3"),
        ("待主管核定", "1"),
        ("主管已核定", "1"),
        ("退回修改", "0"),
    ]
    html = page.content.decode()
    assert 'id="chart-draft-progress"' in html and "主管已核定：1" in html
