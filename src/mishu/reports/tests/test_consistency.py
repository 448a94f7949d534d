"""The consistency check: totals, one fact stated two ways, observed against computed."""

from decimal import Decimal

from mishu.core.formats import Period
from mishu.reports.consistency import cell_number, check, check_facts, check_observed, check_tables
from mishu.reports.rendering import render_report

SEED_CONTRADICTION = """# 壹、108 年下半年重要業務執行成果

## 七、市政大樓公共事務管理

(2)「臺北市市政大樓中庭、2、3 樓空間活化工程」全
案業於 108 年 9 月 27 日竣工，並於 108 年 11 月 29
日驗收合格。

# 貳、策略目標與關鍵績效指標

## 七、提升市政大樓使用效能

「臺北市市政大樓地下 1、2 樓公共空間暨附屬服務設施整修工程」於 7月 23 日驗收合格，「臺
北市市政大樓中庭、2、3 樓空間活化工程」於 11 月 26
日驗收合格，「市政大樓加裝隔熱紙」於 11 月 14 日驗收合格。
"""


def test_cell_numbers():
    assert cell_number("4 萬 4,651 件") == 44651
    assert cell_number("1,234") == 1234
    assert cell_number("35.33%") is None
    assert cell_number("都發局") is None


def test_the_seeds_contradiction_is_flagged(db, template):
    template(SEED_CONTRADICTION)
    findings = check(render_report("108H2").markdown)
    facts = [f for f in findings if f.kind == "fact"]
    assert len(facts) == 1
    message = str(facts[0])
    assert "臺北市市政大樓中庭、2、3樓空間活化工程" in message and "驗收合格" in message
    assert "108 年 11 月 29\n日" in message or "11 月 29" in message.replace("\n", "")
    assert "11 月 26" in message.replace("\n", "")
    assert "七、市政大樓公共事務管理" in message and "七、提升市政大樓使用效能" in message


def test_the_same_date_twice_is_not_flagged():
    text = "# 甲\n\n「A 工程」於 108 年 11 月 26 日驗收合格。\n\n# 乙\n\n「A 工程」於 11 月 26 日驗收合格。\n"
    assert check_facts(text) == []


def test_typed_and_generated_tables_with_wrong_totals(figures, template):
    template("""項次 | 業務內容 | 件數
---|---|---:
1 | 收文 | 4 萬 4,651 件
2 | 發文 | 6 萬 9,707 件
合計 | | 11 萬 4,000 件

{{ table PET }}
""")
    markdown = render_report("108H2").markdown
    findings = check_tables(markdown)
    assert len(findings) == 1
    assert "與各列之和 11 萬 4,358 不符" in str(findings[0]) and "件數" in str(findings[0])


def test_a_row_total_column_that_is_wrong():
    text = "| 機關 | 7 月 | 8 月 | 合計 |\n|---|---|---|---|\n| 都發局 | 10 | 5 | 16 |\n| 合計 | 10 | 5 | 16 |\n"
    messages = [str(f) for f in check_tables(text)]
    assert any("「都發局」列的合計 16 與各欄之和 15 不符" in m for m in messages)


def test_observed_value_that_differs_from_the_computed_one(figures, monkeypatch):
    from mishu.indicators import registry

    @registry.computed(code="E_KWH_COMPUTED", label="總用電量（計算）", unit="度")
    def kwh(period, user, **cell):
        return Decimal(11519000)

    monkeypatch.setitem(registry._COMPUTED, "E_KWH", registry._COMPUTED.pop("E_KWH_COMPUTED"))
    findings = check_observed(figures)
    assert [f.where for f in findings] == ["E_KWH"]
    assert "填報值 1,151 萬 9,200 與計算值 1,151 萬 9,000" in findings[0].message


def test_a_built_html_report_is_checked_too(db, template):
    from mishu.reports.rendering import build_report

    template(SEED_CONTRADICTION + "\n| 機關 | 7 月 | 合計 |\n|---|---|---|\n| 都發局 | 10 | 11 |\n")
    findings = check(build_report("108H2", "html").decode())
    assert sorted(f.kind for f in findings) == ["fact", "totals"]


H1 = Period.parse("109H1")


def test_narrative_of_another_period_is_flagged():
    from mishu.reports.consistency import check_period

    text = (
        "# 一、國際\n\n本期於 108 年 11 月 5 日接待貴賓。另於 109 年 3 月 2 日辦理論壇。\n\n"
        "完成市政大樓下半年度保養。\n\n自 107 年 3 月 5 日起經營 Twitter，預計於 109 年 12 月底前發行。\n"
    )
    found = [str(f) for f in check_period(text, H1)]
    assert len(found) == 2, found
    assert "「108 年 11 月 5 日」不在109 年上半年" in found[0] and "一、國際" in found[0]
    assert "寫「下半年」" in found[1]
    assert (
        check_period(text.replace("下半年", "上半年").replace("108 年 11 月", "109 年 1 月"), H1)
        == []
    )


def test_a_reason_against_the_direction_of_its_figure_is_flagged():
    from mishu.reports.consistency import check_period

    down = "用油 100 公升，約減少 5.00%，增加理由係因首長公務行程較多。"
    up = "用油 100 公升，約增加 5.00%，增加理由係因首長公務行程較多。"
    assert [f.kind for f in check_period(down, H1)] == ["direction"]
    assert check_period(up, H1) == []
    assert [f.kind for f in check_period("約增加 3 度，減少原因為節能。", H1)] == ["direction"]


def test_empty_lists_are_flagged(db):
    from mishu.reports.consistency import check
    from mishu.reports.rendering.placeholders import render_body

    rendered = render_body(
        "一、大事\n\n{{ list chronicle.events category=trip }}\n\n展期自 {{ list facilities.stall_calls join=、 }}。",
        H1,
    )
    found = check(rendered.markdown, H1, empty_lists=rendered.empty_lists)
    kinds = [f.kind for f in found if f.kind == "empty"]
    assert len(kinds) == 2, [str(f) for f in found]
    assert any("facilities.stall_calls" in str(f) and "展期自" in str(f) for f in found)
