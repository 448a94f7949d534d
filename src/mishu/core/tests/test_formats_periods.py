"""Reporting periods: codes, labels, arithmetic and parsing."""

from datetime import date, datetime
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mishu.core.formats import KINDS, Period, PeriodFormatError

PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}


def periods(min_year=1912, max_year=2200, kinds=KINDS):
    """Any period of the given kinds between the given Gregorian years."""
    return st.sampled_from(kinds).flatmap(
        lambda kind: st.builds(
            Period,
            st.just(kind),
            st.integers(min_year, max_year),
            st.integers(1, PER_YEAR[kind]),
        )
    )


@pytest.mark.parametrize(
    ("period", "code", "label", "start", "end"),
    [
        (Period("year", 2019), "108", "108 年", date(2019, 1, 1), date(2019, 12, 31)),
        (Period("half", 2019, 1), "108H1", "108 年上半年", date(2019, 1, 1), date(2019, 6, 30)),
        (Period("half", 2019, 2), "108H2", "108 年下半年", date(2019, 7, 1), date(2019, 12, 31)),
        (Period("quarter", 2019, 3), "108Q3", "108 年第 3 季", date(2019, 7, 1), date(2019, 9, 30)),
        (Period("month", 2019, 7), "108-07", "108 年 7 月", date(2019, 7, 1), date(2019, 7, 31)),
        (Period("month", 2020, 2), "109-02", "109 年 2 月", date(2020, 2, 1), date(2020, 2, 29)),
        (Period("month", 2019, 2), "108-02", "108 年 2 月", date(2019, 2, 1), date(2019, 2, 28)),
        (Period("year", 1912), "1", "1 年", date(1912, 1, 1), date(1912, 12, 31)),
    ],
)
def test_code_label_and_dates(period, code, label, start, end):
    assert period.code == code
    assert str(period) == code
    assert period.label == label
    assert period.start == start
    assert period.end == end


def test_end_label_as_the_seed_writes_it():
    assert Period.parse("108H2").end_label == "108 年 12 月底"
    assert Period.parse("109H1").end_label == "109 年 6 月底"
    assert Period.parse("108Q3").end_label == "108 年 9 月底"
    assert Period.parse("108").end_label == "108 年 12 月底"


def test_range_label():
    assert Period("half", 2019, 2).range_label == "108 年 7 月 1 日至 12 月 31 日"
    assert Period("month", 2019, 7).range_label == "108 年 7 月 1 至 31 日"
    assert Period("year", 2019).range_label == "108 年 1 月 1 日至 12 月 31 日"


def test_previous_year_and_previous():
    assert Period.parse("108H2").previous_year() == Period.parse("107H2")
    assert Period.parse("108H2").previous() == Period.parse("108H1")
    assert Period.parse("108H1").previous() == Period.parse("107H2")
    assert Period.parse("108Q1").previous() == Period.parse("107Q4")
    assert Period.parse("108-01").previous() == Period.parse("107-12")
    assert Period.parse("108-08").previous() == Period.parse("108-07")
    assert Period.parse("108").previous() == Period.parse("107")


def test_periods_start_in_roc_year_one():
    with pytest.raises(ValueError):
        Period("year", 1912).previous()
    with pytest.raises(ValueError):
        Period("month", 1911, 12)


@pytest.mark.parametrize(
    ("kind", "year", "index"),
    [("week", 2019, 1), ("half", 2019, 3), ("quarter", 2019, 0), ("month", 2019, 13)],
)
def test_invalid_periods_are_rejected(kind, year, index):
    with pytest.raises(ValueError):
        Period(kind, year, index)


def test_months_and_contains():
    quarter = Period.parse("108Q3")
    assert [m.code for m in quarter.months()] == ["108-07", "108-08", "108-09"]
    assert Period("month", 2019, 7).months() == [Period("month", 2019, 7)]
    assert len(Period("year", 2019).months()) == 12
    assert quarter.contains(date(2019, 7, 1))
    assert quarter.contains(date(2019, 9, 30))
    assert quarter.contains(datetime(2019, 9, 30, 23, 59))
    assert not quarter.contains(date(2019, 10, 1))
    assert not quarter.contains(date(2019, 6, 30))


@pytest.mark.parametrize(
    ("kind", "d", "code"),
    [
        ("year", date(2019, 7, 1), "108"),
        ("half", date(2019, 6, 30), "108H1"),
        ("half", date(2019, 7, 1), "108H2"),
        ("quarter", date(2019, 9, 30), "108Q3"),
        ("quarter", date(2019, 10, 1), "108Q4"),
        ("month", date(2019, 7, 31), "108-07"),
    ],
)
def test_for_date(kind, d, code):
    assert Period.for_date(kind, d).code == code


def test_for_date_rejects_unknown_kind():
    with pytest.raises(ValueError):
        Period.for_date("week", date(2019, 7, 1))


def test_ordering_is_chronological_within_a_kind():
    codes = ["109H1", "107H2", "108H1", "108H2"]
    assert [p.code for p in sorted(map(Period.parse, codes))] == [
        "107H2",
        "108H1",
        "108H2",
        "109H1",
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("108H2", "108H2"),
        ("108h2", "108H2"),
        ("2019H2", "108H2"),
        ("108Q3", "108Q3"),
        ("108q3", "108Q3"),
        ("2019Q3", "108Q3"),
        ("108-07", "108-07"),
        ("108-7", "108-07"),
        ("108/07", "108-07"),
        ("2019-07", "108-07"),
        ("108", "108"),
        ("2019", "108"),
        ("1912", "1"),
        ("1", "1"),
        ("108 年下半年", "108H2"),
        ("108 年上半年", "108H1"),
        ("108年上半年", "108H1"),
        ("108 年第 3 季", "108Q3"),
        ("108 年第三季", "108Q3"),
        ("108 年 7 月", "108-07"),
        ("108年7月", "108-07"),
        ("108 年", "108"),
        ("108 年度", "108"),
        ("民國 108 年", "108"),
        ("１０８Ｈ２", "108H2"),
        (" 108Q3 ", "108Q3"),
    ],
)
def test_parse(text, code):
    assert Period.parse(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "108H3",
        "108H0",
        "108Q5",
        "108Q0",
        "108-13",
        "108-00",
        "",
        "abc",
        "0",
        "1911",
        "1911H2",
        "0108",
        "108 年第 5 季",
        "108 年 13 月",
        "108H2x",
        "10000",
    ],
)
def test_parse_rejects(text):
    with pytest.raises(PeriodFormatError) as info:
        Period.parse(text, field="period")
    assert info.value.field == "period"
    assert info.value.value == text
    assert info.value.expected


@given(periods())
def test_parse_code_and_label_round_trip(period):
    assert Period.parse(period.code) == period
    assert Period.parse(period.label) == period
    assert Period.parse(str(period)) == period


@given(periods(min_year=1913))
def test_previous_year_keeps_kind_and_index(period):
    earlier = period.previous_year()
    assert (earlier.kind, earlier.year, earlier.index) == (
        period.kind,
        period.year - 1,
        period.index,
    )


@given(periods(min_year=1913))
def test_previous_ends_the_day_before(period):
    earlier = period.previous()
    assert earlier.kind == period.kind
    assert (period.start - earlier.end).days == 1


@given(periods(kinds=("half",)))
def test_months_of_a_half_are_six_consecutive_months(half):
    months = half.months()
    assert len(months) == 6
    assert all(m.kind == "month" and m.year == half.year for m in months)
    assert [m.index for m in months] == list(range(months[0].index, months[0].index + 6))
    assert months[0].start == half.start
    assert months[-1].end == half.end
    for a, b in pairwise(months):
        assert (b.start - a.end).days == 1


@given(periods(), st.dates(min_value=date(1912, 1, 1), max_value=date(2200, 12, 31)))
def test_contains_agrees_with_for_date(period, d):
    assert period.contains(d) == (Period.for_date(period.kind, d) == period)
