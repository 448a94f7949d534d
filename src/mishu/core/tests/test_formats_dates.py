"""ROC dates: formatting, ranges and parsing."""

from datetime import date

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import strategies as st

from mishu.core.formats import (
    DateFormatError,
    DateRangeError,
    FormatError,
    format_date,
    format_month,
    format_range,
    format_roc_year,
    gregorian_year,
    parse_date,
    roc_year,
)


@pytest.mark.parametrize(
    ("gregorian", "roc"),
    [(2019, 108), (1912, 1), (1911, -1), (1910, -2), (1800, -112), (2200, 289)],
)
def test_roc_year_round_trip(gregorian, roc):
    assert roc_year(gregorian) == roc
    assert roc_year(date(gregorian, 1, 1)) == roc
    assert gregorian_year(roc) == gregorian


def test_there_is_no_roc_year_zero():
    with pytest.raises(ValueError):
        gregorian_year(0)


@pytest.mark.parametrize(
    ("year", "text"), [(2019, "108"), (1912, "1"), (1911, "民國前 1"), (1910, "民國前 2")]
)
def test_format_roc_year(year, text):
    assert format_roc_year(year) == text


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2019, 7, 1), "108 年 7 月 1 日"),
        (date(1912, 1, 1), "1 年 1 月 1 日"),
        (date(1911, 12, 31), "民國前 1 年 12 月 31 日"),
        (date(1911, 3, 5), "民國前 1 年 3 月 5 日"),
        (date(2020, 2, 29), "109 年 2 月 29 日"),
    ],
)
def test_format_date(d, text):
    assert format_date(d) == text


def test_format_month():
    assert format_month(2019, 7) == "108 年 7 月"
    assert format_month(1911, 12) == "民國前 1 年 12 月"
    with pytest.raises(ValueError):
        format_month(2019, 13)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2019, 7, 1), date(2019, 12, 31), "108 年 7 月 1 日至 12 月 31 日"),
        (date(2019, 7, 2), date(2019, 7, 5), "108 年 7 月 2 至 5 日"),
        (date(2019, 12, 30), date(2020, 1, 2), "108 年 12 月 30 日至 109 年 1 月 2 日"),
        (date(2019, 7, 1), date(2019, 7, 1), "108 年 7 月 1 日"),
        (date(1911, 12, 30), date(1912, 1, 2), "民國前 1 年 12 月 30 日至 1 年 1 月 2 日"),
        (date(1910, 12, 30), date(1911, 1, 2), "民國前 2 年 12 月 30 日至民國前 1 年 1 月 2 日"),
    ],
)
def test_format_range(start, end, text):
    assert format_range(start, end) == text


def test_format_range_rejects_end_before_start():
    with pytest.raises(DateRangeError) as info:
        format_range(date(2019, 7, 5), date(2019, 7, 1), field="period")
    assert isinstance(info.value, DateFormatError)
    assert info.value.field == "period"


@pytest.mark.parametrize(
    "text",
    [
        "108 年 7 月 1 日",
        "108年7月1日",
        "民國 108 年 7 月 1 日",
        "中華民國108年7月1日",
        "108/7/1",
        "108/07/01",
        "108.07.01",
        "108-07-01",
        "1080701",
        "2019-07-01",
        "2019/7/1",
        "20190701",
        "１０８ 年 ７ 月 １ 日",
        "１０８／０７／０１",
        "  108/7/1  ",
    ],
)
def test_parse_date_forms(text):
    assert parse_date(text) == date(2019, 7, 1)


def test_parse_date_before_the_republic():
    assert parse_date("民國前 1 年 3 月 5 日") == date(1911, 3, 5)
    assert parse_date("民國前1年3月5日") == date(1911, 3, 5)
    assert parse_date("民國前 2 年 12 月 31 日") == date(1910, 12, 31)
    assert parse_date("1 年 1 月 1 日") == date(1912, 1, 1)


def test_parse_date_roc_leap_day():
    # ROC 109 = 2020 and ROC 89 = 2000 are leap years; ROC 108 and ROC -12 (1900) are not.
    assert parse_date("109 年 2 月 29 日") == date(2020, 2, 29)
    assert parse_date("0890229") == date(2000, 2, 29)
    for text in ("108 年 2 月 29 日", "民國前 12 年 2 月 29 日", "1900-02-29"):
        with pytest.raises(DateFormatError):
            parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "108 年 2 月 30 日",
        "108 年 13 月 1 日",
        "108/13/01",
        "108/7/0",
        "0 年 1 月 1 日",
        "108/07-01",
        "108 年 7 月",
        "10807011",
        "990701",
        "108-07-01 extra",
    ],
)
def test_parse_date_rejects(text):
    with pytest.raises(DateFormatError) as info:
        parse_date(text, field="Start date")
    assert isinstance(info.value, FormatError)
    assert isinstance(info.value, ValueError)
    assert info.value.field == "Start date"
    assert info.value.value == text
    assert info.value.expected == "108 年 7 月 1 日"


@pytest.mark.skipif(not settings.configured, reason="rendering the message needs Django settings")
def test_date_error_message_names_field_and_expected_form():
    from django.utils import translation

    with translation.override("en"):
        message = str(DateFormatError("abc", field="Start date"))
    assert "Start date" in message
    assert "abc" in message
    assert "108 年 7 月 1 日" in message


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
def test_format_then_parse_round_trip(d):
    assert parse_date(format_date(d)) == d


@given(st.dates(min_value=date(1912, 1, 1), max_value=date(2200, 12, 31)))
def test_slash_form_round_trip(d):
    assert parse_date(f"{d.year - 1911}/{d.month:02d}/{d.day:02d}") == d
    assert parse_date(f"{d.year - 1911:03d}{d.month:02d}{d.day:02d}") == d


@given(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)),
    st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)),
)
def test_format_range_starts_with_start_date(a, b):
    start, end = min(a, b), max(a, b)
    text = format_range(start, end)
    if start == end:
        assert text == format_date(start)
    elif start.month == end.month and start.year == end.year:
        assert text.endswith(f" {start.day} 至 {end.day} 日")
    else:
        assert text.startswith(format_date(start) + "至")
        assert text.endswith(f"{end.month} 月 {end.day} 日")
