"""The structure carries no period's facts: 上半年/下半年 from the period, reasons that follow the
direction of their figure, and a run-on list that finds nothing drops its clause instead of
printing 「（無）」 mid-sentence."""

import pytest

from mishu.core.formats import Period
from mishu.reports.rendering.placeholders import render_body
from mishu.reports.structure import shipped_body

from .conftest import observe

REASON = '{{ direction E_KWH up="，增加理由係因行程較多" down="，減少係因節能" }}'


def test_half_follows_the_period(db):
    body = "完成{{ period half }}度保養"
    assert render_body(body, Period.parse("109H1")).markdown == "完成上半年度保養"
    assert render_body(body, Period.parse("108H2")).markdown == "完成下半年度保養"
    assert render_body(body, Period.parse("108")).markdown == "完成全年度保養"


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [(120, 100, "，增加理由係因行程較多"), (80, 100, "，減少係因節能"), (100, 100, "")],
)
def test_reason_follows_the_direction_of_its_figure(db, now, before, expected):
    observe("E_KWH", {"108H2": now, "107H2": before}, label="用電")
    text = render_body(f"用電{REASON}。", Period.parse("108H2")).markdown
    assert text == f"用電{expected}。"


def test_reason_is_left_out_when_a_figure_is_missing(db):
    observe("E_KWH", {"108H2": 5}, label="用電")
    rendered = render_body(f"用電{REASON}。", Period.parse("108H2"))
    assert rendered.markdown == "用電。" and rendered.missing


def test_an_empty_run_on_list_drops_its_clause(db):
    body = (
        "為鼓勵參與，分別於 {{ list chronicle.events category=meeting join=及 }}辦理審查會，"
        "全年受理申請。\n\n展期自 {{ list facilities.stall_calls join=、 }}。\n\n"
        '建置完成{{ list facilities.ems join=、 empty="" }}之能源管理。\n\n'
        "改電子書套組；{{ list gazette.yearbooks join=； }}。"
    )
    rendered = render_body(body, Period.parse("109H1"))
    assert "（無）" not in rendered.markdown
    assert rendered.markdown.startswith("為鼓勵參與，全年受理申請。")
    assert "展期自" not in rendered.markdown and "建置完成之能源管理。" in rendered.markdown
    assert "改電子書套組。" in rendered.markdown  # not 「改電子書套組；。」
    assert [e.source for e in rendered.empty_lists] == [
        "chronicle.events",
        "facilities.stall_calls",
        "facilities.ems",
        "gazette.yearbooks",
    ]
    assert rendered.empty_lists[0].sentence == "分別於 辦理審查會"


def test_the_shipped_structure_holds_no_period_of_its_own():
    body = shipped_body()
    for fact in (
        "下半年",
        "上半年",
        "（無）",
        "大橋光夫",
        "年鑑 2019",
        "首長公務行程",
        "109 年",
        "第 17 屆",
    ):
        assert fact not in body, fact


def test_the_structure_for_a_first_half_speaks_of_the_first_half(db):
    rendered = render_body(shipped_body(), Period.parse("109H1"), strict=False)
    assert "下半年" not in rendered.markdown and "（無）" not in rendered.markdown
    assert "完成市政大樓上半年度高低壓機電設備維護大保養" in rendered.markdown
