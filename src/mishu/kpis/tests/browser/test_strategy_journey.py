"""The evaluator (研考) sets next year's strategy map in the browser: copies it from the previous
year, changes a target, and reads the dashboard, where the annual target is compared with the
year to date; a clerk reads the same figures and cannot edit."""

import pytest

from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.indicators.tests.factories import indicator, observe
from mishu.kpis import services
from mishu.kpis.models import KPI

pytestmark = pytest.mark.browser

STRATEGY = [
    {
        "objective_code": "O1",
        "objective_name": "提升公文效率",
        "kpi_code": "K1",
        "kpi_name": "公文件數",
        "indicator_code": "doc.count",
        "direction": "higher",
        "target": "190",
        "unit": "件",
        "weight": "1",
        "year": "108",
    }
]


def test_evaluator_copies_the_year_and_changes_a_target(page, make_user):
    count = indicator("doc.count", division_code="documents")
    observe(count, "108H1", 111)
    observe(count, "108H2", 112)
    observe(count, "109H1", 150)
    services.load_strategy(STRATEGY)

    force_login(page, make_user("general-affairs", ["evaluator"]))
    page.goto("/kpis/?period=109H1")
    assert "109 年度尚無策略地圖" in page.inner_text("main")
    page.goto("/kpis/strategy/109/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="從 108 年複製").click()
    assert "已從 108 年度複製 1 項" in page.inner_text("main")
    with page.expect_navigation():
        page.get_by_role("link", name="編輯 公文件數").click()
    assert_accessible(page)
    page.fill("#id_target", "300")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert KPI.objects.get(code="K1", year=109).target == 300
    assert KPI.objects.get(code="K1", year=108).target == 190

    page.goto("/kpis/?period=109H1")
    main = page.inner_text("main")
    assert "109 年 1 月至 6 月累計" in main
    assert "150 件" in main and "300 件" in main and "50.00%" in main
    assert_accessible(page)
    page.goto("/kpis/?period=108H2")
    main = page.inner_text("main")
    assert "223 件" in main and "190 件" in main and "100.00%" in main

    # a clerk of another division reads the same figures and the map, without editing
    page.context.clear_cookies()
    force_login(page, make_user("media", ["clerk"]))
    page.goto("/kpis/?period=109H1")
    assert "150 件" in page.inner_text("main") and "50.00%" in page.inner_text("main")
    page.goto("/kpis/strategy/109/")
    assert "策略地圖由研考人員維護" in page.inner_text("main")
    assert page.get_by_role("link", name="編輯 公文件數").count() == 0
