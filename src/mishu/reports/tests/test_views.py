"""Web UI: report page, downloads, template editor, period close/reopen, differences, rights."""

from decimal import Decimal

import pytest

from mishu.indicators.models import Observation
from mishu.reports.models import BuiltReport, ReportTemplate
from mishu.reports.rendering import build

BODY = "# 壹、成果\n\n本期用電 {{ value E_KWH }} 度，{{ change E_KWH unit=度 approx }}。缺：{{ value EMPTY }}\n"


@pytest.fixture
def evaluator(make_user):
    return make_user("general-affairs", ["evaluator"])


@pytest.fixture
def media_clerk(make_user):
    return make_user("media", ["clerk"])


@pytest.fixture
def setup(figures, template):
    return template(BODY)


def test_login_required(client, setup):
    for url in ("/reports/", "/reports/periods/108H2/", "/reports/periods/108H2/report/"):
        assert client.get(url).status_code == 302


def test_report_figures_are_the_organisations_whoever_reads(
    client_for, media_clerk, evaluator, setup
):
    # the electricity figures belong to 總務組: a 媒體事務組 clerk reads the same report as the
    # evaluator, not a report of the records their own division may see
    pages = [
        client_for(user).get("/reports/periods/108H2/report/").content.decode()
        for user in (media_clerk, evaluator)
    ]
    for page in pages:
        assert "1,151 萬 9,200" in page and "【缺：E_KWH】" not in page


def test_report_page_and_downloads(client_for, evaluator, setup):
    client = client_for(evaluator)
    assert client.get("/reports/").status_code == 200
    page = client.get("/reports/periods/108H2/report/").content.decode()
    assert "1,151 萬 9,200" in page and "<h1" in page and "【缺：EMPTY】" in page
    for fmt in ("html", "odt", "docx", "pdf"):
        response = client.get(f"/reports/periods/108H2/report.{fmt}")
        assert response.status_code == 200 and response["Content-Disposition"].endswith(f'.{fmt}"')
    assert BuiltReport.objects.filter(period="108H2").count() == 4
    assert BuiltReport.objects.first().missing == ["EMPTY（尚未填報，108 年下半年）"]


def test_bad_period_and_format_are_messages_not_errors(client_for, media_clerk, setup):
    client = client_for(media_clerk)
    response = client.get("/reports/periods/108H9/", follow=True)
    assert response.status_code == 200 and "108H9" in response.content.decode()
    response = client.get("/reports/periods/108H2/report.txt", follow=True)
    assert response.status_code == 200
    response = client.get("/reports/?period=nonsense")
    assert response.status_code == 200 and "nonsense" in response.content.decode()


def test_template_errors_show_on_the_page(client_for, media_clerk, template, figures):
    made = template("{{ value NOPE }}")
    client = client_for(media_clerk)
    page = client.get(f"/reports/periods/108H2/report/?template={made.pk}").content.decode()
    assert "第 1 行" in page and "未知的指標代碼「NOPE」" in page
    # the period's report (no template asked for) marks the code missing and lists it
    page = client.get("/reports/periods/108H2/report/").content.decode()
    assert "【缺：NOPE】" in page and "NOPE（未定義的指標" in page


def test_clerk_cannot_edit_templates_or_close_periods(client_for, media_clerk, setup):
    client = client_for(media_clerk)
    assert client.get("/reports/templates/add/").status_code == 403
    assert client.get(f"/reports/templates/{setup.pk}/").status_code == 403
    assert (
        client.post(f"/reports/templates/{setup.pk}/", {"name": "x", "body": "y"}).status_code
        == 403
    )
    assert client.post("/reports/periods/108H2/close/").status_code == 403
    assert client.post("/reports/periods/108H2/reopen/", {"reason": "x"}).status_code == 403
    assert ReportTemplate.objects.get().body == BODY


def test_template_editor_checks_and_previews(client_for, evaluator, setup):
    client = client_for(evaluator)
    url = f"/reports/templates/{setup.pk}/"
    assert "{{ value CODE" in client.get(url).content.decode()
    bad = client.post(
        url, {"name": "測試範本", "body": "x {{ value A format=roman }}", "save": "1"}
    )
    assert bad.status_code == 200 and "第 1 行" in bad.content.decode()
    preview = client.post(
        url,
        {"name": "測試範本", "body": "用電 {{ value E_KWH }}", "period": "108H2", "preview": "1"},
    )
    assert "1,151 萬 9,200" in preview.content.decode()
    saved = client.post(
        url, {"name": "新名", "body": "用電 {{ value E_KWH }}", "is_default": "on", "save": "1"}
    )
    assert saved.status_code == 302 and ReportTemplate.objects.get().name == "新名"


def test_close_snapshot_edit_difference_reopen(client_for, evaluator, media_clerk, setup):
    client = client_for(evaluator)
    client.post("/reports/periods/108H2/close/")
    # a later edit to a record of the closed period
    Observation.objects.filter(indicator__code="E_KWH", period="108H2").update(
        value=Decimal(11519300)
    )
    built = build("108H2", "html")
    assert built.from_snapshot and "1,151 萬 9,200" in built.content.decode()
    assert "減少 14 萬 4,000 度" in built.content.decode()
    page = client.get("/reports/periods/108H2/").content.decode()
    assert "E_KWH" in page.split('id="differences"')[1].split("</section>")[0]
    assert "1,151 萬 9,300" in page and "1,151 萬 9,200" in page
    # only evaluators reopen, and only with a reason
    assert (
        client_for(media_clerk).post("/reports/periods/108H2/reopen/", {"reason": "x"}).status_code
        == 403
    )
    client = client_for(evaluator)
    client.post("/reports/periods/108H2/reopen/", {"reason": "  "})
    assert build("108H2", "html").from_snapshot
    client.post("/reports/periods/108H2/reopen/", {"reason": "電費單更正"})
    reopened = build("108H2", "html")
    assert not reopened.from_snapshot and "1,151 萬 9,300" in reopened.content.decode()


def test_api_templates_and_render(api_for, evaluator, media_clerk, setup):
    clerk = api_for(media_clerk)
    assert clerk.get("/api/reports/templates/").status_code == 200
    assert clerk.post("/api/reports/templates/", {"name": "x", "body": "y"}).status_code == 403
    api = api_for(evaluator)
    bad = api.post("/api/reports/templates/", {"name": "x", "body": "{{ frob }}"})
    assert bad.status_code == 400 and "第 1 行" in bad.json()["body"][0]
    rendered = api.get(f"/api/reports/templates/{setup.pk}/render/?period=108H2").json()
    assert "1,151 萬 9,200" in rendered["markdown"]
    assert api.get(f"/api/reports/templates/{setup.pk}/render/?period=zz").status_code == 400


def test_period_page_lists_missing_values_and_consistency_findings(
    client_for, evaluator, template, figures
):
    from mishu.reports.tests.test_consistency import SEED_CONTRADICTION

    template(SEED_CONTRADICTION + "\n缺：{{ value EMPTY }}\n\n再缺：{{ value EMPTY }}\n")
    page = client_for(evaluator).get("/reports/periods/108H2/").content.decode()
    missing = page.split('id="missing"')[1].split("</section>")[0]
    # listed once, with both lines that print it
    assert missing.count("EMPTY（尚未填報，108 年下半年）") == 1
    lines = len(SEED_CONTRADICTION.splitlines())
    assert f"{lines + 2}、{lines + 4}" in missing
    findings = page.split('id="consistency"')[1].split("</section>")[0]
    assert "驗收合格的日期不一致" in findings and "11 月 26" in findings


def test_tables_of_a_closed_period_come_from_the_snapshot(evaluator, template, figures):
    from mishu.indicators.services import close_period

    template("{{ table PET }}")
    close_period("108H2", evaluator)
    Observation.objects.filter(
        indicator__code="PET", cell__agency="交通局", cell__month="108-08"
    ).update(value=Decimal(1))
    markdown = build("108H2", "html").markdown
    assert (
        "| 交通局 | 7 | 1,234 | 1,241 |" in markdown and "| 合計 | 17 | 1,239 | 1,256 |" in markdown
    )


@pytest.mark.parametrize(
    "body",
    [
        "{{ table E_KWH }}",
        "{{ value PET cell=agency }}",
        "{{ value E_KWH period=109H3 }}",
        "{{ change EMPTY }} {{ points EMPTY against=99 }} {{ diff EMPTY target=nothing }}",
        "{{ list chronicle.events category= }}",
        "{{ value E_KWH format=percent:3:strip }} {{ value E_KWH format=decimal }}",
        "{{ kpi NOPE field=actual }}",
        "}} {{ {{",
        "| a | 合計 |\n|---|---|\n| 1 | x |\n",
    ],
)
def test_odd_templates_never_give_a_server_error(client_for, evaluator, template, figures, body):
    template(body)
    client = client_for(evaluator)
    for url in ("/reports/periods/108H2/", "/reports/periods/108H2/report/"):
        assert client.get(url).status_code == 200
    assert client.get("/reports/periods/108H2/report.pdf", follow=True).status_code == 200
