"""Dates, periods and numbers written the way Taipei council reports write them.

ROC dates (``108 年 7 月 1 日``), reporting periods (``108H2``, ``108 年下半年``),
億/萬 numbers (``1,151 萬 9,200``), percentages and change phrases, plus the
parsers that read them back and raise a :class:`FormatError` with a
user-facing message when they cannot.
"""

from .dates import (
    format_date,
    format_date_short,
    format_datetime,
    format_month,
    format_range,
    format_roc_year,
    gregorian_year,
    in_range,
    parse_date,
    roc_year,
)
from .errors import (
    DateFormatError,
    DateRangeError,
    FormatError,
    NumberFormatError,
    PeriodFormatError,
)
from .numbers import (
    Change,
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
    to_halfwidth,
)
from .periods import KINDS, Period

__all__ = [
    "KINDS",
    "Change",
    "DateFormatError",
    "DateRangeError",
    "FormatError",
    "NumberFormatError",
    "Period",
    "PeriodFormatError",
    "change_phrase",
    "compare",
    "format_date",
    "format_date_short",
    "format_datetime",
    "format_decimal",
    "format_int",
    "format_month",
    "format_percent",
    "format_range",
    "format_roc_year",
    "format_wan",
    "format_wan_approx",
    "gregorian_year",
    "in_range",
    "parse_date",
    "parse_percent",
    "parse_wan",
    "point_change_phrase",
    "roc_year",
    "signed_percent",
    "to_decimal",
    "to_halfwidth",
]
