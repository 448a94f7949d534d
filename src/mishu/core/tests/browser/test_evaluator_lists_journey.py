"""The evaluator's look round: the KPI dashboard with its status chart, a list sorted by a header
click (twice: ascending, then descending), and its XLSX export with real dates and numbers.
Screenshots are kept under var/screenshots/ (or $MISHU_SCREENSHOTS) as test artefacts."""

import datetime
import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from mishu.consultations.models import CounterContact
from mishu.core.models import Division
from mishu.core.tables import column_label
from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.indicators.tests.factories import indicator, observe
from mishu.kpis import services

pytestmark = pytest.mark.browser

STRATEGY = [
    {
        "objective_code": "O1",
        "objective_name": "提升公文效率",
        "kpi_code": code,
        "kpi_name": name,
        "indicator_code": indicator_code,
        "direction": "higher",
        "target": "100",
        "unit": "件",
        "weight": "1",
        "year": "108",
    }
    for code, name, indicator_code in (
        ("K1", "公文件數", "doc.count"),
        ("K2", "陳情件數", "pet.count"),
        ("K3", "尚無資料", "none.count"),
    )
]


def shots() -> Path:
    path = Path(os.environ.get("MISHU_SCREENSHOTS") or settings.VAR_DIR / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_evaluator_reads_the_status_chart_sorts_a_list_and_exports_it(page, make_user):
    observe(indicator("doc.count", division_code="documents"), "108", 120)  # on track
    observe(indicator("pet.count", division_code="confidential"), "108", 40)  # at risk
    indicator("none.count", division_code="documents")  # no value: missing
    services.load_strategy(STRATEGY)
    clerk = make_user("citizen-services", ["clerk"])
    unit = Division.objects.get(code="citizen-services")
    for day, count in ((3, 7), (1, 250), (2, 31)):
        CounterContact.objects.create(
            division=unit,
            created_by=clerk,
            date=datetime.date(2019, 7, day),
            category="civil",
            count=count,
        )

    force_login(page, make_user("general-affairs", ["evaluator"]))
    page.goto("/kpis/?period=108H2")
    chart = page.locator("figure.chart", has=page.locator("#chart-kpi-status"))
    assert chart.is_visible()
    assert "達標 1" in chart.inner_text() and "落後 1" in chart.inner_text()
    assert "缺資料 1" in chart.inner_text()
    assert "達標：1；落後：1；缺資料：1" in page.locator("#chart-kpi-status-d").text_content()
    assert_accessible(page)
    page.screenshot(path=str(shots() / "evaluator-kpi-status.png"), full_page=True)

    page.goto("/consultations/countercontact/")
    label = column_label(CounterContact, "count")
    header = page.locator("table.data th", has_text=label)
    with page.expect_navigation():
        header.locator("a").click()
    assert header.get_attribute("aria-sort") == "ascending"
    counts = page.locator("table.data tbody tr td:nth-child(3)").all_inner_texts()
    assert counts == ["7", "31", "250"]
    with page.expect_navigation():
        header.locator("a").click()
    assert header.get_attribute("aria-sort") == "descending"
    counts = page.locator("table.data tbody tr td:nth-child(3)").all_inner_texts()
    assert counts == ["250", "31", "7"]
    assert_accessible(page)
    page.screenshot(path=str(shots() / "evaluator-sorted-list.png"), full_page=True)

    with page.expect_download() as info:
        page.locator(".toolbar a", has_text="XLSX").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx") and "年" in download.suggested_filename
    ws = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    heads = [c.value for c in ws[1]]
    count_col = heads.index(label) + 1
    date_col = heads.index(column_label(CounterContact, "date")) + 1
    assert [ws.cell(row=n, column=count_col).value for n in (2, 3, 4)] == [250, 31, 7]
    assert ws.cell(row=2, column=date_col).is_date
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
