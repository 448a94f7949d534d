"""A second period built as users would: 109H1 entered only through the import pages and the
forms (the test client posting them), over the 108 indicators and strategy of the demo. Every
figure of the report for 109H1 is compared with a value computed here from the entered rows;
every figure without 109H1 data is missing and marked (never zero), and no KPI prints 108's
figures under 109's heading."""

from decimal import Decimal

import pytest
from django.urls import reverse

from mishu.core import formats
from mishu.core.formats import Period
from mishu.indicators import demo as indicators_demo
from mishu.kpis import demo as kpis_demo
from mishu.kpis.models import KPI
from mishu.reports import demo as reports_demo
from mishu.reports import structure
from mishu.reports.rendering.grammar import parse
from mishu.reports.rendering.placeholders import render_body
from mishu.reports.values import ValueSource

from .second_period import PERIOD, Context, entry_modules, report_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def entered(make_user, client_for):
    """108's indicator definitions and observations, 108's strategy map and the report
    template (the demo), then 109H1 entered through the pages by every module of
    `second_period`; the figures they expect, merged (no two modules claim one figure)."""
    indicators_demo.load()
    kpis_demo.load()
    reports_demo.load()
    ctx = Context(make_user, client_for)
    expected = {}
    for module in entry_modules():
        figures = module.enter(ctx)
        clash = expected.keys() & figures.keys()
        assert not clash, (module.__name__, clash)
        expected.update(figures)
    return expected


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
    template = reports_demo.load()
    source = ValueSource(report_period=PERIOD)
    year, prev = Period("year", PERIOD.year), PERIOD.previous_year()
    checked, missing_codes, unentered = 0, set(), set()
    for verb, code, option, cell in placeholders(template.body):
        if option in (None, ""):
            period = PERIOD
        elif option == "prev":
            period = prev
        elif option == "year":
            period = year
        else:
            continue  # a named other period: not this report's figure
        want = entered.get((code, cell) if period == PERIOD else (code, cell, period.code))
        got = source.value(code, period, **dict(cell))
        if want is None:
            missing_codes.add(code)
            if period != prev:
                unentered.add(f"{code} {period.code} {cell}")
        assert got == want, f"{verb} {code} {period.code} {cell}: {got} != {want}"
        checked += 1
        if verb == "change":  # compares with 108H1, where nothing was entered
            assert source.value(code, prev, **dict(cell)) is None
    assert checked > 100
    # every figure of 109H1 (and of 109 to date) was entered and computed by a module
    assert not unentered, sorted(unentered)

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
    for code in missing_codes:  # every figure without 109H1 data is marked in place
        assert f"【缺：{code}】" in page, code
    # no KPI of 108 under 109's heading: every KPI placeholder is missing, and listed
    kpi_codes = {ph.args[0] for ph in parse(template.body) if ph.verb == "kpi"}
    assert kpi_codes and not KPI.objects.filter(year=109).exists()
    for code in kpi_codes:
        assert f"【缺：{code}】" in page
    assert "109 年度策略地圖無此 KPI" in page
    text = report_text(page)
    for module in entry_modules():  # each line's own reading of its sentences
        if hasattr(module, "check_report"):
            module.check_report(text, entered)
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


def kpi_fields(body: str) -> list[tuple[str, str]]:
    """(KPI code, field) of every KPI figure the structure prints, once each."""
    seen = []
    for ph in parse(body):
        if ph.verb == "kpi" and "period" not in ph.options:
            key = (ph.args[0], ph.options["field"])
            if key not in seen:
                seen.append(key)
    return seen


def expected_achievement(actual, target, direction) -> Decimal | None:
    """As the seed reads it: actual over target, at most 100%; for a lower-is-better KPI,
    100% at or under the target, else target over actual."""
    if actual is None:
        return None
    if direction == "lower":
        return Decimal(1) if actual <= target else target / actual
    return min(actual / target, Decimal(1))


def test_109_strategy_copied_and_edited_then_its_kpis_for_109h1(entered, make_user, client_for):
    """The evaluator copies 108's strategy map to 109 and sets one new target, through the
    pages; the 109H1 report then prints 109's KPIs: 109's targets, and actuals and achievements
    from January to June 109 computed from what was entered, or missing — never 108's."""
    evaluator = client_for(make_user("general-affairs", ["evaluator"]))
    assert evaluator.post(reverse("kpis:strategy_copy", args=[109])).status_code == 302
    targets = {k.code: k.target for k in KPI.objects.filter(year=108)}
    assert set(targets) == set(KPI.objects.filter(year=109).values_list("code", flat=True))
    kpi = KPI.objects.get(year=109, code="dormitory.inspection_forms")
    form = {
        f: getattr(kpi, f)
        for f in ("code", "name", "name_en", "indicator_code", "direction", "unit", "weight")
    }
    form |= {"objective": kpi.objective_id, "target": "200"}
    response = evaluator.post(reverse("kpis:kpi_edit", args=[kpi.pk]), form)
    assert response.status_code == 302, response.content.decode()[-2000:]
    targets[kpi.code] = Decimal(200)

    template = reports_demo.load()
    fields = kpi_fields(template.body)
    assert {code for code, _f in fields} <= set(targets)
    body = "\n\n".join(f"{c}|{f}|{{{{ kpi {c} field={f} format=decimal:4 }}}}" for c, f in fields)
    printed = {}
    for line in render_body(body, PERIOD).markdown.splitlines():
        if line.count("|") == 2:
            code, field, text = line.split("|")
            printed[code, field] = None if "【缺" in text else Decimal(text.replace(",", ""))
    assert len(printed) == len(fields)
    for code, field in fields:
        kpi = KPI.objects.get(year=109, code=code)
        actual = entered.get((kpi.indicator_code, ()))
        want = {
            "target": targets[code],
            "weight": kpi.weight,
            "actual": actual,
            "achievement": expected_achievement(actual, targets[code], kpi.direction),
        }[field]
        if want is not None:
            want = want.quantize(Decimal("0.0001"))
        assert printed[code, field] == want, (code, field, printed[code, field], want)

    actuals = [printed[c, f] for c, f in fields if f == "actual"]
    assert any(a is not None for a in actuals) and None in actuals  # both kinds are checked

    page = client_for(make_user("media", ["clerk"])).get(f"/reports/periods/{PERIOD.code}/report/")
    text = report_text(page.content.decode())
    assert "策略地圖無此 KPI" not in text
    assert "全年查填報次數以 200 次為目標" in text
