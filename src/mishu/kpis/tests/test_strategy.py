"""The strategy map kept in the browser by the evaluators: copy a year, edit, import, export,
every change logged; the dashboard and the report compare annual targets with the year to date,
the same figures for every reader, and never print another year's KPIs."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.core.exports import write_table
from mishu.core.formats import Period
from mishu.core.models import ObjectChange
from mishu.core.tabular import read_dicts
from mishu.indicators.tests.factories import indicator, observe
from mishu.kpis import importing, services
from mishu.kpis.models import KPI
from mishu.reports.rendering.placeholders import render_body

pytestmark = pytest.mark.django_db
D = Decimal

ROWS = [
    [
        "O1",
        "提升公文效率",
        "",
        "K1",
        "公文件數",
        "",
        "doc.count",
        "higher",
        "190",
        "件",
        "1",
        "108",
    ],
    ["O1", "提升公文效率", "", "K2", "如期比率", "", "doc.ratio", "higher", "95%", "%", "2", "108"],
]


@pytest.fixture
def strategy_108():
    count = indicator("doc.count")
    observe(count, "108H1", 111)
    observe(count, "108H2", 112)
    ratio = indicator("doc.ratio", kind="ratio")
    observe(ratio, "108", "0.9")
    observe(ratio, "108H2", "0.8")
    return services.load_strategy(write_table("csv", importing.COLUMNS, ROWS))


@pytest.fixture
def evaluator(make_user):
    return make_user("general-affairs", ["evaluator"])


def test_year_to_date():
    assert services.year_to_date("108H2") == Period.parse("108")
    assert services.year_to_date("109H1") == Period.parse("109H1")
    assert services.year_to_date("108Q2") == Period.parse("108H1")
    assert services.year_to_date("108Q3") is None
    assert services.year_to_date_label("108H2") == "108 年 1 月至 12 月累計"


def test_dashboard_compares_the_year_to_date_whoever_looks(strategy_108, make_user, client_for):
    """108H2: 223 (111 + 112) against the annual 190, not the half-year's 112, for every reader."""
    texts = []
    for user in (make_user("documents", ["evaluator"]), make_user("media", ["clerk"])):
        r = client_for(user).get(reverse("kpis:dashboard"), {"period": "108H2"})
        text = r.content.decode()
        assert "223 件" in text and "100.00%" in text and "108 年 1 月至 12 月累計" in text
        texts.append(text.split("<main", 1)[-1].split("</main>")[0])
    assert "58.95%" not in texts[0]


def test_no_strategy_for_the_year_means_missing_kpis(strategy_108):
    body = "{{ kpi K1 field=target }}／{{ kpi K1 field=actual }}／{{ kpi K1 field=achievement }}"
    assert render_body(body, Period.parse("108H2")).markdown == "190／223／100%"
    rendered = render_body(body, Period.parse("109H1"))
    assert rendered.markdown == "【缺：K1】／【缺：K1】／【缺：K1】"
    assert {m.code for m in rendered.missing} == {"K1"}
    assert "109 年度策略地圖無此 KPI" in str(rendered.missing[0])


def test_kpi_of_the_reports_own_year_to_date(strategy_108):
    services.copy_strategy(108, 109)
    observe(_count(), "109H1", 50)
    rendered = render_body("{{ kpi K1 field=actual }}", Period.parse("109H1"))
    assert rendered.markdown == "50"  # 109's first half, not 108's year


def _count():
    from mishu.indicators.models import ObservedIndicator

    return ObservedIndicator.objects.get(code="doc.count")


def test_copy_then_edit_in_the_browser(strategy_108, evaluator, client_for):
    client = client_for(evaluator)
    page = client.get(reverse("kpis:strategy", args=[109])).content.decode()
    assert "從 108 年複製" in page or "Copy from 108" in page
    r = client.post(reverse("kpis:strategy_copy", args=[109]))
    assert r.status_code == 302
    assert KPI.objects.filter(year=109).count() == 2
    # copying again is refused, nothing doubled
    client.post(reverse("kpis:strategy_copy", args=[109]))
    assert KPI.objects.filter(year=109).count() == 2
    k1 = KPI.objects.get(code="K1", year=109)
    form = {
        "objective": k1.objective_id,
        "code": "K1",
        "name": "公文件數",
        "name_en": "",
        "indicator_code": "doc.count",
        "direction": "higher",
        "target": "200",
        "unit": "件",
        "weight": "1",
    }
    r = client.post(reverse("kpis:kpi_edit", args=[k1.pk]), form)
    assert r.status_code == 302, r.content.decode()[:2000]
    k1.refresh_from_db()
    assert k1.target == 200 and k1.year == 109
    assert KPI.objects.get(code="K1", year=108).target == 190
    change = ObjectChange.objects.filter(object_id=str(k1.pk), action="update").last()
    assert change.user == evaluator and "target" in change.changes
    # a bad indicator code is refused with a message, nothing saved
    r = client.post(reverse("kpis:kpi_edit", args=[k1.pk]), {**form, "indicator_code": "nope"})
    assert r.status_code == 200 and "nope" in r.content.decode()
    k1.refresh_from_db()
    assert k1.indicator_code == "doc.count"


def test_an_objective_with_kpis_keeps_its_year(strategy_108, evaluator, client_for):
    objective = KPI.objects.get(code="K1", year=108).objective
    form = {"year": "109", "code": "O1", "name": "提升公文效率", "name_en": "", "order": "0"}
    r = client_for(evaluator).post(reverse("kpis:objective_edit", args=[objective.pk]), form)
    assert r.status_code == 200 and "不可變更年度" in r.content.decode()
    objective.refresh_from_db()
    assert objective.year == 108


def test_only_evaluators_edit(strategy_108, make_user, client_for):
    client = client_for(make_user("documents", ["clerk"]))
    page = client.get(reverse("kpis:strategy", args=[108]))
    assert page.status_code == 200 and "公文件數" in page.content.decode()
    assert client.post(reverse("kpis:strategy_copy", args=[109])).status_code == 403
    k1 = KPI.objects.get(code="K1", year=108)
    assert client.get(reverse("kpis:kpi_edit", args=[k1.pk])).status_code == 404
    assert client.get(reverse("kpis:kpi_add")).status_code == 403
    assert client.get(reverse("kpis:kpi_import")).status_code == 403
    assert KPI.objects.filter(year=109).count() == 0


def test_import_all_or_nothing_and_export_round_trip(strategy_108, evaluator, client_for):
    client = client_for(evaluator)
    exported = client.get(reverse("kpis:strategy_export", args=[108]), {"format": "csv"})
    rows = [row for _n, row in read_dicts(exported.content, "s.csv")]
    assert [r["kpi_code"] for r in rows] == ["K1", "K2"] and rows[1]["target"] == "95%"
    for r in rows:
        r["year"] = "109"
    good = write_table("csv", importing.COLUMNS, [list(r.values()) for r in rows])
    bad_rows = [list(r.values()) for r in rows]
    bad_rows[1][8] = "很多"  # target
    bad = write_table("csv", importing.COLUMNS, bad_rows)

    def upload(content):
        f = SimpleUploadedFile("s.csv", content, content_type="text/csv")
        return client.post(reverse("kpis:kpi_import"), {"file": f})

    r = upload(bad)
    assert r.status_code == 200 and "很多" in r.content.decode()
    assert KPI.objects.filter(year=109).count() == 0  # nothing half-written
    upload(good)
    assert {(k.code, k.target) for k in KPI.objects.filter(year=109)} == {
        ("K1", D(190)),
        ("K2", D("0.95")),
    }
    assert ObjectChange.objects.filter(source="import", user=evaluator).count() >= 3
