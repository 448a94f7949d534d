"""A period's report written in the browser: the evaluator starts the draft, whose 總務組 figure
is missing until a 總務組 clerk enters the period's vehicle and fuel logs through the forms; a
文書組 clerk writes its section (and cannot touch 總務組's), the supervisor approves it, the
evaluator compiles, reviews and finalises, and the final report prints the entered figure; once
the period closes the final draft is locked."""

from decimal import Decimal

import pytest

from mishu.core.tests.browser.helpers import assert_accessible, force_login, login

pytestmark = pytest.mark.browser

STRUCTURE = """開頭 {{ period label }}。

壹、{{ period label }}重要業務執行成果

一、事務管理及研考業務

事務。本期公務車輛用油 {{ value energy.vehicle_fuel_litres format=decimal:2 }} 公升。

二、文書處理及檔案管理

文書。

貳、策略目標

KPI。
"""


FUEL = (("109/1/15", "40.5"), ("109/5/2", "12"))


def _click(page, label):
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


def test_divisions_write_approve_and_the_evaluator_finalises(page, make_user):
    from mishu.core.formats import Period
    from mishu.indicators import services as indicator_services
    from mishu.reports import drafts
    from mishu.reports.models import ReportDraft, ReportTemplate

    ReportTemplate.objects.create(name="結構", body=STRUCTURE, is_default=True)
    evaluator = make_user("general-affairs", ["evaluator"])
    clerk = make_user("documents", ["clerk"])
    boss = make_user("documents", ["supervisor"])
    ga_clerk = make_user("general-affairs", ["clerk"])

    force_login(page, evaluator)
    page.goto("/reports/periods/109H1/draft/")
    assert_accessible(page)
    _click(page, "建立報告草稿")
    assert "各單位撰寫中" in page.locator("#draft-state").inner_text()
    assert "文書組" in page.locator("#sections").inner_text()
    page.goto("/reports/periods/109H1/report/")
    assert "【缺：energy.vehicle_fuel_litres】" in page.locator("main").inner_text()

    # 總務組's clerk enters the period's records through the forms
    force_login(page, ga_clerk)
    page.goto("/properties/vehicles/add/")
    page.fill("#id_plate", "ABC-1001")
    page.select_option("#id_type", "汽車")
    page.select_option("#id_fuel_type", "gasoline")
    page.fill("#id_acquired_on", "108/1/2")
    _click(page, "儲存")
    for day, litres in FUEL:
        page.goto("/properties/fuellogs/add/")
        assert_accessible(page)
        page.select_option("#id_vehicle", label="ABC-1001")
        page.fill("#id_date", day)
        page.fill("#id_litres", litres)
        _click(page, "儲存")
        assert "ABC-1001" in page.locator("main").inner_text()

    # the clerk writes 文書組's section; 總務組's is read-only for them
    login(page, clerk)
    page.goto("/reports/periods/109H1/draft/壹一/")
    assert page.locator("#id_body").count() == 0
    assert "事務。" in page.locator("#section-body").inner_text()
    page.goto("/reports/periods/109H1/draft/壹二/")
    assert_accessible(page)
    page.fill("#id_body", "二、文書處理及檔案管理\n\n本期推動線上簽核，成效良好。")
    page.fill("#id_note", "初稿")
    _click(page, "儲存")
    assert "第 2 版" in page.locator("#section-state").inner_text()
    _click(page, "送主管核定")
    assert "待主管核定" in page.locator("#section-state").inner_text()
    assert page.get_by_role("button", name="核定").count() == 0  # a clerk does not approve

    # the supervisor reads the diff, comments and approves
    force_login(page, boss)
    page.goto("/reports/periods/109H1/draft/壹二/diff/?a=1&b=2")
    assert "本期推動線上簽核" in page.locator("#diff").inner_text()
    page.goto("/reports/periods/109H1/draft/壹二/")
    page.fill("#id_text", "文字可再精簡")
    _click(page, "送出意見")
    assert "文字可再精簡" in page.locator("#comments").inner_text()
    _click(page, "核定")
    assert "主管已核定" in page.locator("#section-state").inner_text()

    # the other sections through their own writers and approvers
    draft = ReportDraft.objects.get(period="109H1")
    ga_boss = make_user("general-affairs", ["supervisor"])
    for section in draft.sections.exclude(key="壹二"):
        writer, approver = (ga_clerk, ga_boss) if section.key == "壹一" else (evaluator, evaluator)
        drafts.section_step(section, "submit", writer)
        drafts.section_step(section, "approve", approver)

    force_login(page, evaluator)
    page.goto("/reports/periods/109H1/draft/")
    for step in ("彙編（各章節均已核定）", "送審閱", "定稿"):
        _click(page, step)
    assert "定稿" in page.locator("#draft-state").inner_text()
    page.goto("/reports/periods/109H1/report/")
    report = page.locator("main").inner_text()
    assert "本期推動線上簽核，成效良好。" in report
    litres = sum(Decimal(v) for _d, v in FUEL)
    assert f"本期公務車輛用油 {litres:.2f} 公升。" in report and "【缺" not in report

    # the period closes: the final draft is locked for everyone
    indicator_services.close_period(Period.parse("109H1"), evaluator)
    page.goto("/reports/periods/109H1/draft/")
    assert "定稿已鎖定" in page.locator("#draft-state").inner_text()
    assert page.get_by_role("button", name="退回各單位撰寫").count() == 0
    page.goto("/reports/periods/109H1/draft/壹二/")
    assert page.locator("#id_body").count() == 0
    login(page, clerk)
    page.goto("/reports/periods/109H1/draft/壹二/")
    assert page.locator("#id_body").count() == 0
    assert ReportDraft.objects.get(period="109H1").locked
