"""The consistency check: totals, one fact stated two ways, observed against computed."""

from decimal import Decimal

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
