"""The placeholder grammar: parsing, options, and clear errors naming the line."""

import pytest

from mishu.reports.rendering.grammar import (
    PlaceholderError,
    TemplateError,
    parse,
    parse_cell,
    parse_one,
)


def test_verb_args_and_options_are_split_like_a_shell_line():
    ph = parse_one(' table PET rows=agency cols=month totals=both title="本期 陳情案件" ')
    assert ph.verb == "table" and ph.args == ["PET"]
    assert ph.options == {
        "rows": "agency",
        "cols": "month",
        "totals": "both",
        "title": "本期 陳情案件",
    }


def test_flags_and_list_filters():
    assert parse_one("change E_KWH unit=度 approx").flags == {"approx"}
    ph = parse_one("list chronicle.events category=trip division=international")
    assert ph.options == {"category": "trip", "division": "international"}


def test_cell_accepts_colon_or_equals():
    assert parse_cell("agency:都發局;month=108-07") == {"agency": "都發局", "month": "108-07"}
    with pytest.raises(PlaceholderError, match="維度:成員"):
        parse_cell("agency")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date 2019-07-01", "不可在範本中直接寫入日期"),
        ("frobnicate X", "不明的指令「frobnicate」"),
        ("value", "需要 1 個引數"),
        ("value A B", "需要 1 個引數"),
        ("value A colour=red", "不接受參數「colour」"),
        ("value A format=roman", "不明的格式「roman」"),
        ("value A period=next", "不是期別"),
        ("diff A", "必須有 target="),
        ("kpi K1 field=mood", "field=「mood」不明"),
        ("period tomorrow", "「tomorrow」不明"),
        ("table A totals=all", "totals=「all」不明"),
        ('table A title="unclosed', "引號不成對"),
        ("", "空的預留位置"),
    ],
)
def test_bad_placeholders_give_clear_messages(text, message):
    with pytest.raises(PlaceholderError, match=message):
        parse_one(text)


def test_template_error_lists_every_line():
    body = "第一行 {{ value A }}\n\n{{ nonsense }}\n第四行 {{ value B format=x }}\n{{ value C"
    with pytest.raises(TemplateError) as err:
        parse(body)
    lines = [p.line for p in err.value.problems]
    assert lines == [3, 4, 5]
    assert "第 3 行 {{ nonsense }}：不明的指令" in str(err.value)
    assert "未閉合" in str(err.value)
