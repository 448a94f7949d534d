"""Numbers as the council report writes them: 億/萬 groups, percentages and change phrases.

All arithmetic uses :class:`~decimal.Decimal` with ``ROUND_HALF_UP``; floats are
converted through their shortest ``repr`` so ``0.9231`` is read as
``Decimal("0.9231")`` and never as its binary expansion.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from .errors import NumberFormatError

Number = int | Decimal | float | str
Direction = Literal["increase", "decrease", "flat"]

WAN = 10**4
YI = 10**8
_UNITS = {"萬": WAN, "億": YI}

# The full-width ASCII block (！ to ～) sits at a fixed offset from ASCII.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH.update({0x3000: ord(" "), 0x2212: ord("-")})

_GROUP = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_WAN_RE = re.compile(
    rf"(?P<sign>[-+])?\s*(?:(?P<yi>{_GROUP})\s*億)?\s*(?:(?P<wan>{_GROUP})\s*萬)?\s*"
    rf"(?P<units>{_GROUP})?"
)
_PERCENT_RE = re.compile(rf"(?P<sign>[-+])?\s*(?P<number>{_GROUP})\s*%")


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII (``０``–``９``, ``／``, ``％``, ``Ｈ`` …) and U+3000 to plain ASCII."""
    return text.translate(_HALFWIDTH)


def to_decimal(value: Number, field: str = "") -> Decimal:
    """Convert an int, Decimal, float or string to a finite Decimal.

    Strings are read with :func:`parse_wan`, so ``"1,151 萬 9,200"`` works.
    Raises NumberFormatError for unreadable strings, NaN and infinities.
    """
    if isinstance(value, bool):
        raise TypeError("expected a number, got bool")
    if isinstance(value, str):
        return parse_wan(value, field)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, Decimal):
        result = value
    else:
        raise TypeError(f"expected int, Decimal, float or str, got {type(value).__name__}")
    if not result.is_finite():
        raise NumberFormatError(value, field=field)
    return result


def _quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    """Fixed-point text without exponent and without a sign on zero."""
    return format(value.copy_abs() if value == 0 else value, "f")


def _strip_zeros(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_wan(n: Number, places: int | None = None) -> str:
    """Write a number in 億/萬 groups: ``11519200`` → ``1,151 萬 9,200``.

    Zero groups are omitted (``100000001`` → ``1 億 1``); the fraction stays on
    the last group (``27228.5`` → ``2 萬 7,228.5``) and keeps the value's own
    scale unless ``places`` rounds it (half up). A zero fraction on a whole
    萬 or 億 is dropped (``10000.00`` → ``1 萬``).
    """
    value = to_decimal(n)
    if places is not None:
        value = _quantize(value, places)
    sign = "-" if value < 0 else ""
    whole_text, _, fraction = _plain(value.copy_abs()).partition(".")
    yi, rest = divmod(int(whole_text), YI)
    wan, units = divmod(rest, WAN)
    groups = []
    if yi:
        groups.append(f"{yi:,} 億")
    if wan:
        groups.append(f"{wan:,} 萬")
    if units or not groups or fraction.strip("0"):
        groups.append(f"{units:,}" + (f".{fraction}" if fraction else ""))
    return sign + " ".join(groups)


def parse_wan(text: str, field: str = "") -> Decimal:
    """Read a number written in 億/萬 groups or plainly, with or without thousands separators.

    Accepts ``1,151 萬 9,200``, ``6 億 3,944 萬 2,789``, ``11,519,200``,
    ``2 萬 7,228.5``, ``1.5 萬``, ``-1 萬`` and full-width digits. Only the
    last group may have a fraction, and a group after 億 or 萬 must be below
    10,000. Anything else raises NumberFormatError.
    """
    match = _WAN_RE.fullmatch(to_halfwidth(text).strip())
    if match is None:
        raise NumberFormatError(text, field=field)
    groups = [
        (match[name], multiplier)
        for name, multiplier in (("yi", YI), ("wan", WAN), ("units", 1))
        if match[name] is not None
    ]
    if not groups or any("." in group for group, _ in groups[:-1]):
        raise NumberFormatError(text, field=field)
    total = Decimal(0)
    for position, (group, multiplier) in enumerate(groups):
        amount = Decimal(group.replace(",", ""))
        if position > 0 and amount >= WAN:
            raise NumberFormatError(text, field=field)
        total += amount * multiplier
    return -total if match["sign"] == "-" else total


def format_wan_approx(n: Number, unit: str = "萬") -> str:
    """Round down to whole 萬 or 億 and add 餘 when something was cut off.

    ``5345678`` → ``534 萬餘``; ``5340000`` → ``534 萬``;
    ``639442789`` with ``unit="億"`` → ``6 億餘``. A number smaller than one
    unit cannot be rounded to it and is written exactly with :func:`format_wan`.
    """
    if unit not in _UNITS:
        raise ValueError(f"unit must be 萬 or 億, not {unit!r}")
    base = _UNITS[unit]
    value = to_decimal(n)
    magnitude = value.copy_abs()
    whole = int(magnitude // base)
    if whole == 0:
        return format_wan(value)
    text = format_wan(whole * base) + ("餘" if magnitude != whole * base else "")
    return ("-" if value < 0 else "") + text


def format_int(n: Number) -> str:
    """Round half up to an integer and add thousands separators: ``1321`` → ``1,321``."""
    return f"{int(_quantize(to_decimal(n), 0)):,}"


def format_decimal(n: Number, places: int | None) -> str:
    """Thousands separators and ``places`` decimals (half up); ``None`` keeps the value's scale."""
    value = to_decimal(n)
    if places is not None:
        value = _quantize(value, places)
    if value == 0:
        value = value.copy_abs()
    return format(value, ",f")


def format_percent(ratio: Number, places: int = 2, strip: bool = False) -> str:
    """Write a ratio as a percentage: ``0.9231`` → ``92.31%``.

    Rounds half up to ``places`` decimals; ``strip=True`` drops trailing zeros
    (``1`` → ``100%``, ``0.98`` → ``98%``).
    """
    text = _plain(_quantize(to_decimal(ratio).scaleb(2), places))
    return f"{_strip_zeros(text) if strip else text}%"


def parse_percent(text: str, field: str = "") -> Decimal:
    """Read a percentage as a ratio: ``92.31%`` → ``Decimal("0.9231")``. The ``%`` is required."""
    match = _PERCENT_RE.fullmatch(to_halfwidth(text).strip())
    if match is None:
        raise NumberFormatError(text, field=field, expected="92.31%")
    ratio = Decimal(match["number"].replace(",", "")).scaleb(-2)
    return -ratio if match["sign"] == "-" else ratio


@dataclass(frozen=True)
class Change:
    """How a figure moved from ``previous`` to ``current``.

    ``amount`` is ``current - previous``; ``ratio`` is the amount relative to
    ``abs(previous)`` (so its sign follows the direction), or ``None`` when
    ``previous`` is zero.
    """

    current: Decimal
    previous: Decimal
    amount: Decimal
    ratio: Decimal | None
    direction: Direction


def compare(current: Number, previous: Number) -> Change:
    """Compute the change from ``previous`` to ``current`` as a :class:`Change`."""
    cur, prev = to_decimal(current), to_decimal(previous)
    amount = cur - prev
    ratio = amount / prev.copy_abs() if prev else None
    direction: Direction = "increase" if amount > 0 else "decrease" if amount < 0 else "flat"
    return Change(current=cur, previous=prev, amount=amount, ratio=ratio, direction=direction)


def _verb(direction: Direction) -> str:
    return "增加" if direction == "increase" else "減少"


def change_phrase(
    current: Number, previous: Number, unit: str = "", places: int = 2, approx: bool = False
) -> str:
    """Describe a change in amount and percent: ``減少 14 萬 4,000 度，減少 1.23%``.

    ``approx=True`` puts 約 before the percent (``，約減少 1.23%``); the percent
    is left out when ``previous`` is zero; equal values give ``持平``.
    """
    change = compare(current, previous)
    if change.direction == "flat":
        return "持平"
    verb = _verb(change.direction)
    # a difference shows only its significant decimals: 9,858.09 − 9,658.09 is 200, not 200.00
    difference = change.amount.copy_abs()
    if difference == difference.to_integral_value():
        difference = difference.to_integral_value()
    amount = format_wan(
        difference.normalize() if difference.as_tuple().exponent < 0 else difference
    )
    phrase = f"{verb} {amount} {unit}" if unit else f"{verb} {amount}"
    if change.ratio is None:
        return phrase
    percent = format_percent(change.ratio.copy_abs(), places)
    return f"{phrase}，{'約' if approx else ''}{verb} {percent}"


def point_change_phrase(
    current: Number, previous: Number, places: int = 2, strip: bool = False
) -> str:
    """Describe how a ratio moved, in percentage points: ``增加 40.94 個百分點``.

    A difference that rounds to zero at ``places`` decimals is ``持平``.
    """
    points = _quantize((to_decimal(current) - to_decimal(previous)).scaleb(2), places)
    if points == 0:
        return "持平"
    text = _plain(points.copy_abs())
    verb = _verb("increase" if points > 0 else "decrease")
    return f"{verb} {_strip_zeros(text) if strip else text} 個百分點"


def signed_percent(ratio: Number, places: int = 2) -> str:
    """Write performance against a target with a full-width sign: ``＋10.33%``, ``－2.5%``.

    Trailing zeros are dropped (``0.03`` → ``＋3%``); zero is ``0%``.
    """
    percent = _quantize(to_decimal(ratio).scaleb(2), places)
    if percent == 0:
        return "0%"
    sign = "＋" if percent > 0 else "－"
    return f"{sign}{_strip_zeros(_plain(percent.copy_abs()))}%"
