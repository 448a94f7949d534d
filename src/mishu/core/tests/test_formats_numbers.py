"""億/萬 numbers, percentages and change phrases."""

from dataclasses import FrozenInstanceError
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mishu.core.formats import (
    Change,
    NumberFormatError,
    change_phrase,
    compare,
    format_decimal,
    format_int,
    format_percent,
    format_wan,
    format_wan_approx,
    parse_percent,
    parse_wan,
    point_change_phrase,
    signed_percent,
    to_decimal,
)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (11519200, "1,151 萬 9,200"),
        (639442789, "6 億 3,944 萬 2,789"),
        (44651, "4 萬 4,651"),
        (970, "970"),
        (9999, "9,999"),
        (10000, "1 萬"),
        (10001, "1 萬 1"),
        (100000000, "1 億"),
        (100000001, "1 億 1"),
        (100010000, "1 億 1 萬"),
        (144000, "14 萬 4,000"),
        (27228.5, "2 萬 7,228.5"),
        (Decimal("27228.5"), "2 萬 7,228.5"),
        ("27228.5", "2 萬 7,228.5"),
        (9858.09, "9,858.09"),
        (Decimal("10000.50"), "1 萬 0.50"),
        (Decimal("10000.00"), "1 萬"),
        (Decimal("0.00"), "0.00"),
        (0, "0"),
        (-10000, "-1 萬"),
        (-639442789, "-6 億 3,944 萬 2,789"),
        (-0.5, "-0.5"),
        (10**13, "100,000 億"),
    ],
)
def test_format_wan(n, text):
    assert format_wan(n) == text


def test_format_wan_places_round_half_up():
    assert format_wan(Decimal("27228.45"), places=1) == "2 萬 7,228.5"
    assert format_wan(2.675, places=2) == "2.68"
    assert format_wan(Decimal("9999.5"), places=0) == "1 萬"
    assert format_wan(Decimal("-0.001"), places=2) == "0.00"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,151 萬 9,200", Decimal(11519200)),
        ("1,151萬9,200", Decimal(11519200)),
        ("6 億 3,944 萬 2,789", Decimal(639442789)),
        ("11519200", Decimal(11519200)),
        ("11,519,200", Decimal(11519200)),
        ("2 萬 7,228.5", Decimal("27228.5")),
        ("-1 萬", Decimal(-10000)),
        ("1 億 1", Decimal(100000001)),
        ("1.5 萬", Decimal(15000)),
        ("12,345 萬", Decimal(123450000)),
        ("１,１５１ 萬 ９,２００", Decimal(11519200)),
        ("－１萬", Decimal(-10000)),
        ("0", Decimal(0)),
        (" 970 ", Decimal(970)),
    ],
)
def test_parse_wan(text, value):
    assert parse_wan(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "-",
        "萬",
        "1,2345",
        "1.5 億 3 萬",
        "1 萬 10,000",
        "1 億 2 萬 3 億",
        "1e5",
        "1 2",
    ],
)
def test_parse_wan_rejects(text):
    with pytest.raises(NumberFormatError) as info:
        parse_wan(text, field="amount")
    assert info.value.field == "amount"
    assert info.value.value == text


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_wan_round_trip_integers(n):
    assert parse_wan(format_wan(n)) == n


@given(
    st.integers(min_value=1, max_value=2).flatmap(
        lambda places: st.decimals(
            min_value=-(10**13), max_value=10**13, places=places, allow_nan=False
        )
    )
)
def test_wan_round_trip_decimals(value):
    assert parse_wan(format_wan(value)) == value


@pytest.mark.parametrize(
    ("n", "unit", "text"),
    [
        (5345678, "萬", "534 萬餘"),
        (5340001, "萬", "534 萬餘"),
        (5340000, "萬", "534 萬"),
        (639442789, "億", "6 億餘"),
        (600000000, "億", "6 億"),
        (639442789, "萬", "6 億 3,944 萬餘"),
        (-5345678, "萬", "-534 萬餘"),
        (9999, "萬", "9,999"),
    ],
)
def test_format_wan_approx(n, unit, text):
    assert format_wan_approx(n, unit=unit) == text


def test_format_wan_approx_rejects_unknown_unit():
    with pytest.raises(ValueError):
        format_wan_approx(1, unit="千")


def test_format_int_and_decimal():
    assert format_int(1321) == "1,321"
    assert format_int(Decimal("1320.5")) == "1,321"
    assert format_int(-1234567) == "-1,234,567"
    assert format_int(0) == "0"
    assert format_decimal(1234.5, 2) == "1,234.50"
    assert format_decimal(Decimal("0.125"), 2) == "0.13"
    assert format_decimal(Decimal("-0.001"), 2) == "0.00"
    assert format_decimal(1234.5, None) == "1,234.5"


@pytest.mark.parametrize(
    ("ratio", "kwargs", "text"),
    [
        (0.9231, {}, "92.31%"),
        (Decimal("0.9231"), {}, "92.31%"),
        ("0.9231", {}, "92.31%"),
        (1, {}, "100.00%"),
        (1.00, {"strip": True}, "100%"),
        (0.98, {"strip": True}, "98%"),
        (0.985, {"strip": True}, "98.5%"),
        (0.000049, {}, "0.00%"),
        (0.00005, {}, "0.01%"),
        (-0.0123, {}, "-1.23%"),
        (0.12345, {"places": 3}, "12.345%"),
        (0.123456, {"places": 0}, "12%"),
    ],
)
def test_format_percent(ratio, kwargs, text):
    assert format_percent(ratio, **kwargs) == text


def test_parse_percent():
    assert parse_percent("92.31%") == Decimal("0.9231")
    assert parse_percent("92.31 ％") == Decimal("0.9231")
    assert parse_percent("-1.5%") == Decimal("-0.015")
    assert parse_percent("100%") == 1
    for text in ("", "92.31", "abc%", "%"):
        with pytest.raises(NumberFormatError):
            parse_percent(text)


def test_no_binary_float_rounding():
    # 1.005 is stored as 1.00499999999999989…; read through repr it rounds half up.
    assert format_decimal(1.005, 2) == "1.01"
    assert to_decimal(0.1) == Decimal("0.1")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), "garbage"])
def test_to_decimal_rejects_non_numbers(bad):
    with pytest.raises(NumberFormatError):
        to_decimal(bad)


def test_to_decimal_rejects_other_types():
    with pytest.raises(TypeError):
        to_decimal(None)
    with pytest.raises(TypeError):
        to_decimal(True)


def test_compare():
    change = compare(11519200, 11663200)
    assert change == Change(
        current=Decimal(11519200),
        previous=Decimal(11663200),
        amount=Decimal(-144000),
        ratio=Decimal(-144000) / Decimal(11663200),
        direction="decrease",
    )
    assert compare(2, 1).direction == "increase"
    assert compare(1, 1).direction == "flat"
    assert compare(5, 0).ratio is None
    with pytest.raises(FrozenInstanceError):
        change.amount = Decimal(0)


@pytest.mark.parametrize(
    ("current", "previous", "kwargs", "text"),
    [
        (11519200, 11663200, {"unit": "度"}, "減少 14 萬 4,000 度，減少 1.23%"),
        (84975, 85862, {"unit": "度"}, "減少 887 度，減少 1.03%"),
        (11663200, 11519200, {"unit": "度"}, "增加 14 萬 4,000 度，增加 1.25%"),
        (11519200, 11663200, {"unit": "度", "approx": True}, "減少 14 萬 4,000 度，約減少 1.23%"),
        (11519200, 11663200, {}, "減少 14 萬 4,000，減少 1.23%"),
        (84975, 85862, {"unit": "度", "places": 1}, "減少 887 度，減少 1.0%"),
        (100, 100, {"unit": "度"}, "持平"),
        (10000, 0, {"unit": "件"}, "增加 1 萬 件"),
    ],
)
def test_change_phrase(current, previous, kwargs, text):
    assert change_phrase(current, previous, **kwargs) == text


def test_point_change_phrase():
    assert point_change_phrase(0.7166, 0.3072) == "增加 40.94 個百分點"
    assert point_change_phrase(0.3072, 0.7166) == "減少 40.94 個百分點"
    assert point_change_phrase(Decimal("0.5"), Decimal("0.4"), strip=True) == "增加 10 個百分點"
    assert point_change_phrase(0.5, 0.5) == "持平"
    assert point_change_phrase(0.50001, 0.5) == "持平"


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (Decimal("0.1033"), "＋10.33%"),
        (0.03, "＋3%"),
        (0.0013, "＋0.13%"),
        (-0.025, "－2.5%"),
        (Decimal("-0.025"), "－2.5%"),
        (0, "0%"),
        (0.00001, "0%"),
        ("0.1", "＋10%"),
    ],
)
def test_signed_percent(ratio, text):
    assert signed_percent(ratio) == text


def test_change_amount_drops_insignificant_decimals():
    from decimal import Decimal as D

    assert (
        change_phrase(D("9858.09"), D("9658.09"), unit="公升", approx=True)
        == "增加 200 公升，約增加 2.07%"
    )
    assert change_phrase(D("10.50"), D("10.00"), unit="公升").startswith("增加 0.5 公升")
