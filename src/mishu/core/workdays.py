"""The government office calendar: working days in Taiwan.

National holidays, bridge days and their make-up Saturdays (補班) come from the PyPI `holidays`
package; closures an administrator declares (typhoon days) and extra working days come from
`CalendarDay` records. Deadlines in Mishu (公文 1/3/6 days, petitions 6 days) are counted here.
"""

import datetime
import functools
from decimal import Decimal

import holidays

ONE_DAY = datetime.timedelta(days=1)


@functools.lru_cache(maxsize=64)
def _national(year: int) -> tuple[frozenset, frozenset]:
    """(holidays, make-up workdays) of one year, from the `holidays` package."""
    tw = holidays.Taiwan(years=year, language="zh_TW")
    return frozenset(tw.keys()), frozenset(d for d in tw.weekend_workdays if d.year == year)


def national_holiday_name(day: datetime.date) -> str | None:
    """The name of the national holiday on `day` (in Traditional Chinese), if any."""
    return holidays.Taiwan(years=day.year, language="zh_TW").get(day)


class WorkCalendar:
    """Working days: Monday–Friday, less national holidays and declared closures, plus make-up
    workdays and declared extra workdays."""

    def __init__(self, closures=(), extra_workdays=()):
        self.closures = frozenset(closures)
        self.extra_workdays = frozenset(extra_workdays)

    def is_workday(self, day: datetime.date) -> bool:
        """Whether government offices are open on `day`."""
        if day in self.closures:
            return False
        if day in self.extra_workdays:
            return True
        national_holidays, makeup_days = _national(day.year)
        if day in makeup_days:
            return True
        return day.weekday() < 5 and day not in national_holidays

    def add_workdays(self, start: datetime.date, days: int) -> datetime.date:
        """The date `days` working days after `start`, counting from the day after it.

        With `days == 0` the result is `start` itself.
        """
        if days < 0:
            raise ValueError("days must not be negative")
        day = start
        remaining = days
        while remaining:
            day += ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        return day

    def workdays_between(self, start: datetime.date, end: datetime.date) -> int:
        """The number of working days after `start` up to and including `end` (0 if end ≤ start)."""
        count = 0
        day = start + ONE_DAY
        while day <= end:
            count += self.is_workday(day)
            day += ONE_DAY
        return count

    def days_used(self, received: datetime.date, finished: datetime.date) -> Decimal:
        """Working days used from receipt to dispatch (文書處理手冊): counted from the day after
        receipt, less holidays; finished on the day of receipt counts half a day."""
        if finished < received:
            raise ValueError("finished before received")
        if finished == received:
            return Decimal("0.5")
        return Decimal(self.workdays_between(received, finished))


def office_calendar() -> WorkCalendar:
    """The calendar in force: national holidays plus the closures declared in Mishu."""
    from .choices import CalendarDayKind
    from .models import CalendarDay

    closures, extra = set(), set()
    for date, kind in CalendarDay.objects.values_list("date", "kind"):
        (closures if kind == CalendarDayKind.CLOSURE else extra).add(date)
    return WorkCalendar(closures, extra)
