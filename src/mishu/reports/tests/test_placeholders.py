"""Each verb resolved against real (observed) indicators, formats, missing values, errors."""

import pytest

from mishu.reports.rendering import TemplateError, render_report
from mishu.reports.rendering.placeholders import render_body


def render(text, period):
    return render_body(text, period).markdown


def test_value_formats(figures):
    assert render("{{ value E_KWH }}", figures) == "1,151 萬 9,200"
    assert render("{{ value E_KWH period=prev }}", figures) == "1,166 萬 3,200"
    assert render("{{ value E_KWH period=107H2 format=int }}", figures) == "11,663,200"
    assert render("{{ value AMOUNT format=wan_approx }}", figures) == "534 萬餘"
    assert render("{{ value AMOUNT format=wan_approx:億 }}", figures) == "534 萬 5,678"
    assert render("{{ value AMOUNT format=decimal:2 }}", figures) == "5,345,678.00"
    assert render("{{ value R_ONLINE }}", figures) == "92.31%"
    assert render("{{ value T_ONLINE format=percent:strip }}", figures) == "89%"
    assert render("{{ value PET cell=agency:都發局;month:108-07 }}", figures) == "10"
    assert render("{{ value PET cell=agency:交通局 }}", figures) == "1,241"


def test_change_points_diff_period(figures):
    assert (
        render("{{ change E_KWH unit=度 approx }}", figures) == "減少 14 萬 4,000 度，約減少 1.23%"
    )
    assert render("{{ change E_WATER unit=度 }}", figures) == "減少 887 度，減少 1.03%"
    assert render("{{ points R_ONLINE }}", figures) == "增加 40.94 個百分點"
    assert render("{{ points R_ONLINE against=107H2 }}", figures) == "增加 40.94 個百分點"
    assert render("{{ diff R_ONLINE target=T_ONLINE }}", figures) == "＋3.31%"
    assert render("{{ diff R_ONLINE target=0.9 }}", figures) == "＋2.31%"
    assert render("{{ period prev_year }} 年", figures) == "107 年"
    assert render("{{ value R_ONLINE period=year }}", figures) == "【缺：R_ONLINE】"
    assert render("{{ value E_KWH period=year }}", figures) == "1,151 萬 9,200"
    assert render("{{ value E_KWH period=prev_year }}", figures) == "1,166 萬 3,200"
    assert (
        render("{{ points R_ONLINE period=108H2 against=prev_year }}", figures)
        == "【缺：R_ONLINE】"
    )
    assert (
        render(
            "{{ period label }}，{{ period range }}，{{ period prev_label }}，{{ period year }}",
            figures,
        )
        == "108 年下半年，108 年 7 月 1 日至 12 月 31 日，107 年下半年，108"
    )


def test_missing_values_are_marked_and_listed_at_the_top(figures, template):
    template("本期 {{ value EMPTY }}；變化 {{ change AMOUNT }}。")
    rendered = render_report("108H2")
    assert "本期 【缺：EMPTY】；變化 【缺：AMOUNT】。" in rendered.markdown
    assert [(m.code, m.period) for m in rendered.missing] == [
        ("EMPTY", "108 年下半年"),
        ("AMOUNT", "107 年下半年"),
    ]
    top = rendered.markdown.split("本期")[0]
    assert "缺漏數值 2 項" in top and "EMPTY（尚未填報，108 年下半年）（第 1 行）" in top


def test_unknown_codes_raise_a_template_error_listing_lines(figures):
    with pytest.raises(TemplateError) as err:
        render_body(
            "{{ value E_KWH }}\n{{ value NOPE }}\n{{ table PET rows=colour }}\n{{ list nowhere }}",
            figures,
        )
    text = str(err.value)
    assert "第 2 行 {{ value NOPE }}：未知的指標代碼「NOPE」" in text
    assert "第 3 行" in text and "不是 PET 的維度" in text
    assert "第 4 行" in text and "未知的清單來源「nowhere」" in text
    with pytest.raises(TemplateError, match="PET 沒有維度「colour」（有：agency、month）"):
        render_body("{{ value PET cell=colour:red }}", figures)


def test_table_with_row_and_column_totals(figures):
    md = render('{{ table PET title="陳情案件" }}', figures)
    lines = [ln for ln in md.strip().splitlines() if ln.startswith("|")]
    assert lines[0] == "| 機關 | 108 年 7 月 | 108 年 8 月 | 合計 |"
    assert lines[2] == "| 都發局 | 10 | 5 | 15 |"
    assert lines[3] == "| 交通局 | 7 | 1,234 | 1,241 |"
    assert lines[4] == "| 合計 | 17 | 1,239 | 1,256 |"
    assert ": 陳情案件" in md


def test_table_transposed_and_one_dimension(figures):
    md = render("{{ table PET rows=month totals=cols }}", figures)
    assert "| 月份 | 都發局 | 交通局 |" in md and "| 合計 | 15 | 1,241 |" in md
    md = render("{{ table CALLS }}", figures)
    assert "| 類別 | 通 |" in md and "| 諮詢 | 30 |" in md and "| 合計 | 42 |" in md


def test_kpi_fields_for_the_kpis_year(figures):
    from decimal import Decimal

    from mishu.indicators.models import Observation, ObservedIndicator
    from mishu.kpis.models import KPI, Objective

    ratio = ObservedIndicator.objects.get(code="R_ONLINE")
    Observation.objects.create(
        indicator=ratio, period="108", value=Decimal("0.7166"), division=ratio.division
    )
    objective = Objective.objects.create(code="O2", name="落實文書電子化作業", year=108)
    KPI.objects.create(
        objective=objective,
        code="K_PAPER",
        name="紙本來文採線上簽核比率",
        year=108,
        indicator_code="R_ONLINE",
        target=Decimal("0.4"),
        weight=Decimal("0.5"),
    )
    KPI.objects.create(
        objective=objective,
        code="K_NONE",
        name="無資料",
        year=108,
        indicator_code="EMPTY",
        target=Decimal(10),
    )
    text = (
        "{{ kpi K_PAPER field=actual }}/{{ kpi K_PAPER field=target }}/"
        "{{ kpi K_PAPER field=achievement }}/{{ kpi K_PAPER field=weight }}/"
        "{{ kpi K_PAPER field=actual period=108H2 format=percent }}/{{ kpi K_NONE field=actual }}"
    )
    rendered = render_body(text, figures)
    assert rendered.markdown == "71.66%/40%/100%/0.5/92.31%/【缺：EMPTY】"
    assert [m.code for m in rendered.missing] == ["EMPTY"]
    with pytest.raises(TemplateError, match="未知的 KPI 代碼「K_X」"):
        render_body("{{ kpi K_X field=actual }}", figures)


def test_query_count_baseline(figures, template, django_assert_max_num_queries):
    template(
        "{{ value E_KWH }} {{ value E_KWH period=prev }} {{ change E_KWH unit=度 }} "
        "{{ value E_KWH }} {{ points R_ONLINE }} {{ diff R_ONLINE target=T_ONLINE }}\n\n"
        "{{ table PET }}\n\n{{ table CALLS }}\n"
    )
    # the period's draft, templates, snapshots, definitions and one load per indicator and
    # period; repeats are free
    with django_assert_max_num_queries(23):
        render_report("108H2")
