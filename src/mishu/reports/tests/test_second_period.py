"""A second period built as users would: 109H1 entered only through the import pages and the
forms (the test client posting them), over the 108 indicators and strategy of the demo. Every
figure of the report for 109H1 is compared with a value computed here from the entered rows;
every figure without 109H1 data is missing and marked (never zero), and no KPI prints 108's
figures under 109's heading."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.building.models import Meter, MeterReading
from mishu.core import formats
from mishu.core.exports import write_table
from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import demo as indicators_demo
from mishu.kpis import demo as kpis_demo
from mishu.kpis.models import KPI
from mishu.procurement.models import TenderCase
from mishu.properties.models import FuelLog, Vehicle
from mishu.reports import demo as reports_demo
from mishu.reports import structure
from mishu.reports.rendering.grammar import parse
from mishu.reports.values import ValueSource

pytestmark = pytest.mark.django_db

PERIOD = Period.parse("109H1")

FUEL = [
    ("ABC-1001", "109/1/15", "40.50"),
    ("ABC-1001", "109/3/2", "30.25"),
    ("MC-77", "109/6/30", "12"),
]
READINGS = [("108-12", 100000)] + [(f"109-{m:02d}", 100000 + 1500 * m + m * m) for m in range(1, 7)]
TENDERS = [
    ("109A001", "影印機租賃", "公開招標", "500000", "109/1/10", "109/2/20", "480000", "甲公司"),
    ("109A002", "會議室設備", "公開招標", "900000", "109/3/1", "109/4/8", "765400", "乙公司"),
    ("109A003", "清潔勞務", "公開招標", "1200000", "109/5/1", "", "", ""),  # not awarded yet
]


def _errors(response) -> str:
    import re

    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", text)[:3000]


def upload(client, url_name, columns, rows, model, **data):
    """Post a table to an import page; every row must be written."""
    before = model.objects.count()
    content = write_table("csv", list(columns), [list(r) for r in rows])
    f = SimpleUploadedFile("rows.csv", content, content_type="text/csv")
    response = client.post(reverse(url_name), {"file": f, **data})
    assert response.status_code in (200, 302), (url_name, _errors(response))
    assert model.objects.count() == before + len(rows), response.content.decode()[-3000:]


def expected_values() -> dict:
    """The 109H1 figures computed here from the rows entered (code, cell) → value."""
    litres = sum(Decimal(v) for _p, _d, v in FUEL)
    kwh = READINGS[-1][1] - READINGS[0][1]
    awarded = [t for t in TENDERS if t[5]]
    return {
        ("energy.vehicle_fuel_litres", ()): litres,
        ("energy.electricity_kwh", ()): Decimal(kwh),
        ("procurement.awarded_cases", ()): Decimal(len(awarded)),
        ("procurement.awarded_amount", ()): sum(Decimal(t[6]) for t in awarded),
        ("fleet.vehicles", (("type", "汽車"),)): Decimal(1),
        ("fleet.vehicles", (("type", "機車"),)): Decimal(1),
        ("fleet.vehicles", ()): Decimal(2),
    }


@pytest.fixture
def entered(make_user, client_for):
    """108's indicator definitions and observations, 108's strategy map and the report
    template (the demo), then 109H1 entered through the pages."""
    indicators_demo.load()
    kpis_demo.load()
    reports_demo.load()
    ga = client_for(make_user("general-affairs", ["clerk"]))
    ga_pk = division("general-affairs").pk
    # forms: the vehicles and the electricity meter
    for plate, kind in (("ABC-1001", "汽車"), ("MC-77", "機車")):
        r = ga.post(
            reverse("properties:vehicle_add"),
            {
                "division": ga_pk,
                "plate": plate,
                "type": kind,
                "fuel_type": "gasoline",
                "acquired_on": "108/1/2",
            },
        )
        assert r.status_code == 302, r.content.decode()[-2000:]
    r = ga.post(
        reverse("building:meter_add"),
        {"division": ga_pk, "name": "市政大樓總電表", "kind": "electricity"},
    )
    assert r.status_code == 302, r.content.decode()[-2000:]
    # imports
    upload(ga, "properties:fuellog_import", ("vehicle", "date", "litres"), FUEL, FuelLog)
    upload(
        ga,
        "building:meterreading_import",
        ("meter", "month", "reading"),
        [("市政大樓總電表", m, str(v)) for m, v in READINGS],
        MeterReading,
    )
    upload(
        ga,
        "procurement:tendercase_import",
        (
            "number",
            "subject",
            "method",
            "budget",
            "published_on",
            "awarded_on",
            "award_amount",
            "vendor",
        ),
        TENDERS,
        TenderCase,
    )
    return expected_values()


def placeholders(body: str):
    """(verb, code, period, cell) of every figure the template prints."""
    out = []
    for ph in parse(body):
        if ph.verb in ("value", "change", "points", "table"):
            cell = tuple(
                sorted(
                    tuple(part.split(":", 1))
                    for part in ph.options.get("cell", "").split(";")
                    if part
                )
            )
            out.append((ph.verb, ph.args[0], ph.options.get("period"), cell))
    return out


def test_109h1_from_imports_and_forms(entered, make_user, client_for):
    assert Vehicle.objects.count() == 2 and Meter.objects.count() == 1
    template = reports_demo.load()
    source = ValueSource(report_period=PERIOD)
    year, prev = Period("year", PERIOD.year), PERIOD.previous_year()
    checked, missing_codes = 0, set()
    for verb, code, option, cell in placeholders(template.body):
        if option in (None, ""):
            period = PERIOD
        elif option == "prev":
            period = prev
        elif option == "year":
            period = year
        else:
            continue  # a named other period: not this report's figure
        want = entered.get((code, cell)) if period == PERIOD else None
        got = source.value(code, period, **dict(cell))
        if want is None:
            missing_codes.add(code)
        assert got == want, f"{verb} {code} {period.code} {cell}: {got} != {want}"
        checked += 1
        if verb == "change":  # compares with 108H1, where nothing was entered
            assert source.value(code, prev, **dict(cell)) is None
    assert checked > 100

    # the report as the evaluator and as a clerk of another division reads it: the same page
    pages = []
    for user in (make_user("general-affairs", ["evaluator"]), make_user("media", ["clerk"])):
        page = client_for(user).get(f"/reports/periods/{PERIOD.code}/report/").content.decode()
        pages.append(page.split('class="downloads"', 1)[1].split("</main>")[0])
    assert pages[0] == pages[1]
    page = pages[0]
    # the entered figures, formatted as the template asks
    assert "82.75" in page  # fuel, format=decimal:2
    amount = entered[("procurement.awarded_amount", ())]
    assert "本期完成招標案計 2 件" in page and formats.format_wan_approx(amount) in page
    assert "現有公務汽車 1 輛及機車 1 輛" in page
    # a change phrase never compares with a missing value; nothing without data reads as zero
    assert "【缺：energy.vehicle_fuel_litres】" in page  # 108H1's fuel was never entered
    assert "0.00 公升" not in page and "減少 100.00%" not in page
    assert missing_codes >= {"energy.water_usage", "dormitory.rooms", "documents.received"}
    for code in missing_codes:  # every figure without 109H1 data is marked in place
        assert f"【缺：{code}】" in page, code
    # no KPI of 108 under 109's heading: every KPI placeholder is missing, and listed
    kpi_codes = {ph.args[0] for ph in parse(template.body) if ph.verb == "kpi"}
    assert kpi_codes and not KPI.objects.filter(year=109).exists()
    for code in kpi_codes:
        assert f"【缺：{code}】" in page
    assert "109 年度策略地圖無此 KPI" in page
    for fact in facts_of_108h2_only():  # the 108H2 draft's own narrative stays in that draft
        assert fact not in page, fact
    targets_108 = {f"{k.target.normalize():f}" for k in KPI.objects.filter(year=108, unit="次")}
    assert not any(f"目標值為 {t}" in page for t in targets_108)


# Things only 108H2 did, which the structure once typed: they belong to the 108H2 draft.
FACTS_OF_108H2 = (
    "10 樓西南區不斷電系統設備(UPS)更新",
    "消防設備 3 年更新統包工程案",
    "南區空調監控系統更新案",
    "儲能示範系統",
    "派員至文化局辦理檔案管理教育訓練",
    "第 17 屆機關績優檔案管理人員金質獎",
)


def facts_of_108h2_only() -> tuple[str, ...]:
    """The 108H2 facts, each checked to be in the 108H2 draft (so the check stays live)."""
    draft = (structure.SHIPPED.parent / "draft_108H2.md").read_text(encoding="utf-8")
    for fact in FACTS_OF_108H2:
        assert fact in draft, fact
    return FACTS_OF_108H2


def test_109h1_figures_are_missing_without_entries(make_user, client_for):
    """Nothing entered for 109H1 at all: every figure of the report is missing, none is zero."""
    indicators_demo.load()
    kpis_demo.load()
    template = reports_demo.load()
    source = ValueSource(report_period=PERIOD)
    for _verb, code, option, cell in placeholders(template.body):
        if option in (None, "", "prev", "year"):
            period = {None: PERIOD, "": PERIOD, "prev": PERIOD.previous_year()}.get(
                option, Period("year", PERIOD.year)
            )
            assert source.value(code, period, **dict(cell)) is None, (code, period.code)
    r = client_for(make_user("general-affairs", ["evaluator"])).get(
        "/reports/periods/109H1/report/"
    )
    assert r.status_code == 200 and "【缺：" in r.content.decode()
