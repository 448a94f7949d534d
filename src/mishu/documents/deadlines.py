"""Deadlines in working days (文書處理手冊) and the timeliness class of a closed document."""

import datetime
from decimal import Decimal

from .choices import PROJECT_CONTROL_DAYS, SPEED_DAYS, Timeliness

LONG_PENDING_DAYS = 27  # the monthly list of documents pending more than 27 days


def compute_deadline(
    calendar, start: datetime.date, speed: str, stated=None, project_control=False
) -> datetime.date:
    """The deadline: a stated deadline overrides; a 專案管制 case runs at least 30 days;
    otherwise the speed class's working days counted from the day after `start`."""
    if stated:
        return stated
    if project_control:
        return start + datetime.timedelta(days=PROJECT_CONTROL_DAYS)
    return calendar.add_workdays(start, SPEED_DAYS[speed])


def classify(deadline, closed_on) -> str:
    """依限 when closed on or before the deadline, else 逾期."""
    if deadline is None or closed_on <= deadline:
        return Timeliness.ON_TIME
    return Timeliness.OVERDUE


def days_used(calendar, start: datetime.date, closed_on: datetime.date) -> Decimal:
    """Working days from the day after `start` to closing; the same day counts half a day."""
    return calendar.days_used(start, closed_on)


class FastCalendar:
    """A working-day calendar precomputed over a date range, for bulk generation (the office
    calendar walks day by day, which is too slow for hundreds of thousands of documents)."""

    def __init__(self, calendar, first: datetime.date, last: datetime.date):
        self.first = first
        days = (last - first).days + 1
        self.dates = [first + datetime.timedelta(days=i) for i in range(days)]
        self.workday = [calendar.is_workday(d) for d in self.dates]
        # cumulative count of workdays up to and including index i
        self.cum = []
        total = 0
        for w in self.workday:
            total += w
            self.cum.append(total)
        self.workdays = [d for d, w in zip(self.dates, self.workday, strict=True) if w]
        self.calendar = calendar

    def _index(self, day):
        return (day - self.first).days

    def add_workdays(self, start, days):
        i = self._index(start)
        target = self.cum[i] + days
        if days == 0:
            return start
        # the first date whose cumulative count reaches target
        k = target - 1
        if 0 <= k < len(self.workdays):
            return self.workdays[k]
        return self.calendar.add_workdays(start, days)

    def workdays_between(self, start, end):
        if end <= start:
            return 0
        return self.cum[self._index(end)] - self.cum[self._index(start)]

    def days_used(self, received, finished):
        if finished == received:
            return Decimal("0.5")
        return Decimal(self.workdays_between(received, finished))

    def is_workday(self, day):
        return self.workday[self._index(day)]
