"""Reporting periods (year, half-year, quarter, month) with ROC codes and labels.

A period is stored with its Gregorian year and written with its ROC year:
the second half of 2019 has the code ``108H2`` and the label ``108 年下半年``.
"""

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from .dates import ROC_OFFSET, format_range
from .errors import PeriodFormatError
from .numbers import to_halfwidth

KINDS = ("year", "half", "quarter", "month")
_PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}
MIN_YEAR = ROC_OFFSET + 1
MAX_YEAR = 9999

_YEAR = r"(?:民國\s*)?(?P<year>[0-9]{1,4})"
_PATTERNS = [
    ("half", re.compile(rf"{_YEAR}[Hh](?P<index>[0-9]+)")),
    ("quarter", re.compile(rf"{_YEAR}[Qq](?P<index>[0-9]+)")),
    ("month", re.compile(rf"{_YEAR}[-/](?P<index>[0-9]{{1,2}})")),
    ("year", re.compile(_YEAR)),
    ("half", re.compile(rf"{_YEAR}\s*年\s*(?P<index>[上下])半年(?:度)?")),
    ("quarter", re.compile(rf"{_YEAR}\s*年\s*第\s*(?P<index>[0-9]+|[一二三四])\s*季")),
    ("month", re.compile(rf"{_YEAR}\s*年\s*(?P<index>[0-9]{{1,2}})\s*月(?:份)?")),
    ("year", re.compile(rf"{_YEAR}\s*年(?:度)?")),
]
_WORD_INDEX = {"上": 1, "下": 2, "一": 1, "二": 2, "三": 3, "四": 4}


def _year_from_digits(digits: str) -> int:
    """Four digits from 1912 on are a Gregorian year; one to three digits are an ROC year."""
    number = int(digits)
    if len(digits) == 4:
        if number < MIN_YEAR:
            raise ValueError(f"{digits} is before the ROC calendar")
        return number
    if number < 1:
        raise ValueError("ROC periods start at year 1")
    return number + ROC_OFFSET


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: a whole year, a half-year, a quarter or a month.

    ``kind`` is ``"year"``, ``"half"``, ``"quarter"`` or ``"month"``; ``year``
    is Gregorian (1912 or later, i.e. ROC 1 on); ``index`` is 1 for a year,
    1–2 for a half, 1–4 for a quarter and 1–12 for a month. Ordering compares
    ``kind`` first, so periods of one kind sort chronologically.
    """

    kind: str
    year: int
    index: int = 1

    def __post_init__(self) -> None:
        if self.kind not in _PER_YEAR:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year must be in {MIN_YEAR}..{MAX_YEAR}, not {self.year}")
        if not 1 <= self.index <= _PER_YEAR[self.kind]:
            raise ValueError(f"a {self.kind} index must be in 1..{_PER_YEAR[self.kind]}")

    @property
    def _months_long(self) -> int:
        return 12 // _PER_YEAR[self.kind]

    @property
    def _first_month(self) -> int:
        return (self.index - 1) * self._months_long + 1

    @property
    def _last_month(self) -> int:
        return self.index * self._months_long

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, self._first_month, 1)

    @property
    def end(self) -> date:
        """The last day of the period."""
        last_day = calendar.monthrange(self.year, self._last_month)[1]
        return date(self.year, self._last_month, last_day)

    @property
    def code(self) -> str:
        """The canonical ROC code: ``108``, ``108H2``, ``108Q3`` or ``108-07``."""
        roc = self.year - ROC_OFFSET
        match self.kind:
            case "half":
                return f"{roc}H{self.index}"
            case "quarter":
                return f"{roc}Q{self.index}"
            case "month":
                return f"{roc}-{self.index:02d}"
        return str(roc)

    @property
    def label(self) -> str:
        """The Chinese label: ``108 年``, ``108 年下半年``, ``108 年第 3 季`` or ``108 年 7 月``."""
        roc = self.year - ROC_OFFSET
        match self.kind:
            case "half":
                return f"{roc} 年{'上' if self.index == 1 else '下'}半年"
            case "quarter":
                return f"{roc} 年第 {self.index} 季"
            case "month":
                return f"{roc} 年 {self.index} 月"
        return f"{roc} 年"

    @property
    def end_label(self) -> str:
        """The period's end as the report writes it: ``108 年 12 月底``, ``109 年 6 月底``."""
        return f"{self.year - ROC_OFFSET} 年 {self._last_month} 月底"

    @property
    def range_label(self) -> str:
        """The dates the period spans: ``108 年 7 月 1 日至 12 月 31 日``."""
        return format_range(self.start, self.end)

    def previous_year(self) -> "Period":
        """The same period one year earlier (``108H2`` → ``107H2``)."""
        return replace(self, year=self.year - 1)

    def shifted(self, years: int) -> "Period | None":
        """The same period `years` later (earlier when negative); None past the calendar's ends
        (before ROC 1, after 9999), for navigation links that must not fail."""
        try:
            return replace(self, year=self.year + years)
        except ValueError:
            return None

    def previous(self) -> "Period":
        """The period of the same kind just before this one (``108H1`` → ``107H2``)."""
        if self.index > 1:
            return replace(self, index=self.index - 1)
        return replace(self, year=self.year - 1, index=_PER_YEAR[self.kind])

    def months(self) -> list["Period"]:
        """The month periods inside this period, in order."""
        return [
            Period("month", self.year, month)
            for month in range(self._first_month, self._last_month + 1)
        ]

    def contains(self, d: date) -> bool:
        """Whether the date (or the date part of a datetime) falls inside the period."""
        if isinstance(d, datetime):
            d = d.date()
        return self.start <= d <= self.end

    def __str__(self) -> str:
        return self.code

    @classmethod
    def parse(cls, text: str, field: str = "") -> "Period":
        """Read a period code or label.

        Accepts ``108H2``/``108h2``/``2019H2``, ``108Q3``/``2019Q3``,
        ``108-07``/``108/07``/``2019-07``, ``108``/``2019`` and the labels
        ``108 年下半年``, ``108 年上半年``, ``108 年第 3 季``, ``108 年 7 月`` and
        ``108 年``. A four-digit year from 1912 on is Gregorian, one to three
        digits are ROC. Raises PeriodFormatError for anything else.
        """
        cleaned = to_halfwidth(text).strip()
        found = next(
            ((kind, m) for kind, pattern in _PATTERNS if (m := pattern.fullmatch(cleaned))), None
        )
        if found is None:
            raise PeriodFormatError(text, field=field)
        kind, match = found
        raw_index = match.groupdict().get("index") or "1"
        index = _WORD_INDEX.get(raw_index) or int(raw_index)
        try:
            return cls(kind, _year_from_digits(match["year"]), index)
        except ValueError:
            raise PeriodFormatError(text, field=field) from None

    @classmethod
    def for_date(cls, kind: str, d: date) -> "Period":
        """The period of the given kind that contains the date."""
        if kind not in _PER_YEAR:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        index = (d.month - 1) // (12 // _PER_YEAR[kind]) + 1
        return cls(kind, d.year, index)
