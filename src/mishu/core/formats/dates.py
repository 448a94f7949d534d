"""ROC (民國) calendar dates as the council report writes them: ``108 年 7 月 1 日``.

The ROC year is the Gregorian year minus 1911. There is no year 0: 1912 is
民國 1 年, 1911 is 民國前 1 年 and 1910 is 民國前 2 年. In this module years
before 1912 are represented by negative ROC numbers (1911 → -1).
"""

import re
from datetime import date, datetime

from .errors import DateFormatError, DateRangeError
from .numbers import to_halfwidth

ROC_OFFSET = 1911
# The dates a user may type or ask for: wide enough for any record (民國前 included), narrow
# enough that date arithmetic on them (deadlines, the same period last year, a month's
# neighbours, a look-back window) never leaves the calendar.
EARLIEST = date(1800, 1, 1)
LATEST = date(2200, 12, 31)


def in_range(d: date) -> bool:
    """Whether `d` is a date Mishu accepts from a user (EARLIEST..LATEST)."""
    return EARLIEST <= d <= LATEST


_CHINESE_RE = re.compile(
    r"(?P<era>(?:中華)?民國\s*(?P<before>前)?)?\s*(?P<year>[0-9]{1,4})\s*年"
    r"\s*(?P<month>[0-9]{1,2})\s*月\s*(?P<day>[0-9]{1,2})\s*日"
)
_SEPARATED_RE = re.compile(
    r"(?P<year>[0-9]{1,4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})"
)
# Seven digits are a zero-padded ROC date (1080701), eight a Gregorian one (20190701).
_COMPACT_RE = re.compile(r"(?P<year>[0-9]{3}|[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})")


def roc_year(value: date | int) -> int:
    """Return the ROC year of a date or of a Gregorian year.

    Years from 1912 on are positive (2019 → 108). Earlier years are negative
    and count back from 民國前 1 年, since there is no year 0: 1911 → -1,
    1910 → -2.
    """
    year = value.year if isinstance(value, date) else value
    return year - ROC_OFFSET if year > ROC_OFFSET else year - ROC_OFFSET - 1


def gregorian_year(roc: int) -> int:
    """Return the Gregorian year of an ROC year; negative ROC years are 民國前 (-1 → 1911).

    Raises ValueError for 0, which is not a year in either calendar's mapping.
    """
    if roc == 0:
        raise ValueError("There is no ROC year 0.")
    return roc + ROC_OFFSET if roc > 0 else roc + ROC_OFFSET + 1


def format_roc_year(gregorian_year: int) -> str:
    """Write the ROC year of a Gregorian year: 2019 → ``108``, 1911 → ``民國前 1``."""
    roc = roc_year(gregorian_year)
    return str(roc) if roc > 0 else f"民國前 {-roc}"


def format_date(d: date) -> str:
    """Write a date in the ROC calendar: ``108 年 7 月 1 日`` or ``民國前 1 年 3 月 5 日``."""
    return f"{format_roc_year(d.year)} 年 {d.month} 月 {d.day} 日"


def format_date_short(d: date) -> str:
    """The compact form for dense tables: ``115/12/08``; before 1912 the long form
    (``民國前 1 年 3 月 5 日``), which has no compact spelling.

    Also what a date field shows for editing: `parse_date` reads either back.
    """
    roc = roc_year(d)
    return f"{roc}/{d.month:02d}/{d.day:02d}" if roc > 0 else format_date(d)


def format_datetime(moment: datetime, short: bool = False) -> str:
    """A moment in local (Taipei) time: ``115 年 12 月 8 日 08:38``, or ``115/12/08 08:38``.

    An aware datetime is converted to the current time zone first; a naive one is taken as local.
    """
    if moment.tzinfo is not None:
        from django.utils import timezone

        moment = timezone.localtime(moment)
    day = format_date_short(moment.date()) if short else format_date(moment.date())
    return f"{day} {moment:%H:%M}"


def format_month(year: int, month: int) -> str:
    """Write a month of a Gregorian year in the ROC calendar: (2019, 7) → ``108 年 7 月``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    return f"{format_roc_year(year)} 年 {month} 月"


def _join(start: str, end: str) -> str:
    """Join the two ends with 至, spaced only where a number follows."""
    return f"{start}至 {end}" if end[0].isdigit() else f"{start}至{end}"


def format_range(start: date, end: date, field: str = "") -> str:
    """Write a date range, leaving out the year and month the end shares with the start.

    ``108 年 7 月 1 日至 12 月 31 日`` within a year, ``108 年 7 月 2 至 5 日``
    within a month, ``108 年 12 月 30 日至 109 年 1 月 2 日`` across years, and
    just the date when start and end are the same day. Raises DateRangeError
    when ``end`` is before ``start``.
    """
    if end < start:
        raise DateRangeError(_join(format_date(start), format_date(end)), field=field)
    if start == end:
        return format_date(start)
    if start.year != end.year:
        return _join(format_date(start), format_date(end))
    if start.month != end.month:
        return _join(format_date(start), f"{end.month} 月 {end.day} 日")
    return f"{format_month(start.year, start.month)} {start.day} 至 {end.day} 日"


def _year_from_digits(digits: str) -> int:
    """Four digits are a Gregorian year (ISO style); fewer are an ROC year."""
    return int(digits) if len(digits) == 4 else gregorian_year(int(digits))


def parse_date(text: str, field: str = "") -> date:
    """Read a date typed in any of the forms clerks use.

    Accepts ``108 年 7 月 1 日`` (spaces optional, 民國 prefix optional),
    ``民國前 1 年 3 月 5 日``, ``108/7/1``, ``108/07/01``, ``108.07.01``,
    ``108-07-01``, ``1080701`` (seven digits, ROC), ``20190701`` and
    ``2019-07-01`` (a four-digit year is Gregorian). Full-width digits and
    punctuation are accepted. Raises DateFormatError for anything else and for
    dates that do not exist (Feb 30, month 13, ROC year 0).
    """
    cleaned = to_halfwidth(text).strip()
    chinese = _CHINESE_RE.fullmatch(cleaned)
    match = chinese or _SEPARATED_RE.fullmatch(cleaned) or _COMPACT_RE.fullmatch(cleaned)
    if match is None:
        raise DateFormatError(text, field=field)
    try:
        if chinese and chinese["era"]:
            number = int(chinese["year"])
            year = gregorian_year(-number if chinese["before"] else number)
        else:
            year = _year_from_digits(match["year"])
        parsed = date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        raise DateFormatError(text, field=field) from None
    if not in_range(parsed):
        raise DateFormatError(text, field=field)
    return parsed


# Django's own date rendering (`{{ record.created }}`, `|date` without a format, the admin's
# lists and read-only fields) formats with DATE_FORMAT / DATETIME_FORMAT strings, which cannot
# write an ROC year. `install_django_formats` (run once by core's AppConfig) routes those named
# formats through the functions above, so every date a person reads is in one of two forms:
# the long one (`format_date`, `format_datetime`) or, for SHORT_* formats, the compact one.
_NAMED_FORMATS = {
    None: lambda v: _long(v),
    "DATE_FORMAT": lambda v: _long(v),
    "DATETIME_FORMAT": lambda v: _long(v),
    "SHORT_DATE_FORMAT": lambda v: _short(v),
    "SHORT_DATETIME_FORMAT": lambda v: _short(v),
    "YEAR_MONTH_FORMAT": lambda v: format_month(v.year, v.month),
}


def _long(value: date) -> str:
    return format_datetime(value) if isinstance(value, datetime) else format_date(value)


def _short(value: date) -> str:
    return (
        format_datetime(value, short=True)
        if isinstance(value, datetime)
        else format_date_short(value)
    )


def install_django_formats() -> None:
    """Make `django.utils.formats.date_format` write ROC dates for the named formats; an
    explicit format string (`|date:"H:i"`) is left to Django. Idempotent."""
    from django.utils import formats as django_formats

    original = django_formats.date_format
    if getattr(original, "roc", False):
        return

    def date_format(value, format=None, use_l10n=None):
        render = _NAMED_FORMATS.get(format)
        if render is not None and isinstance(value, date):
            return render(value)
        return original(value, format, use_l10n=use_l10n)

    date_format.roc = True
    django_formats.date_format = date_format
