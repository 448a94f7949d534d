"""The government office calendar, on 108 年 dates."""

import datetime as dt
from decimal import Decimal

import pytest

from mishu.core.models import CalendarDay
from mishu.core.workdays import WorkCalendar, national_holiday_name, office_calendar

D = dt.date
cal = WorkCalendar()


def test_weekends_holidays_and_makeup_saturday():
    assert cal.is_workday(D(2019, 10, 4))  # Friday
    assert not cal.is_workday(D(2019, 10, 6))  # Sunday
    assert not cal.is_workday(D(2019, 10, 10))  # 國慶日
    assert not cal.is_workday(D(2019, 10, 11))  # bridge day
    assert cal.is_workday(D(2019, 10, 5))  # its make-up Saturday (補班)
    assert not cal.is_workday(D(2019, 9, 13))  # 中秋節
    assert national_holiday_name(D(2019, 10, 10)) == "國慶日"


def test_add_workdays_across_national_day():
    # received Wed 108/10/9: 6 working days → 10/10, 10/11 off, 10/12-13 weekend
    assert cal.add_workdays(D(2019, 10, 9), 6) == D(2019, 10, 21)
    # received Thu 108/10/3: the make-up Saturday 10/5 counts
    assert cal.add_workdays(D(2019, 10, 3), 1) == D(2019, 10, 4)
    assert cal.add_workdays(D(2019, 10, 3), 2) == D(2019, 10, 5)
    assert cal.add_workdays(D(2019, 10, 3), 0) == D(2019, 10, 3)
    with pytest.raises(ValueError):
        cal.add_workdays(D(2019, 10, 3), -1)


def test_counting_and_days_used():
    assert cal.workdays_between(D(2019, 10, 9), D(2019, 10, 21)) == 6
    assert cal.workdays_between(D(2019, 10, 21), D(2019, 10, 9)) == 0
    assert cal.days_used(D(2019, 7, 1), D(2019, 7, 1)) == Decimal("0.5")
    assert cal.days_used(D(2019, 7, 1), D(2019, 7, 3)) == Decimal(2)


@pytest.mark.django_db
def test_declared_typhoon_day_and_extra_workday():
    # 108 年 8 月 9 日 (Friday, 利奇馬颱風) declared closed by an administrator
    CalendarDay.objects.create(date=D(2019, 8, 9), kind="closure", reason="颱風停止上班")
    CalendarDay.objects.create(date=D(2019, 8, 17), kind="workday", reason="補行上班")
    office = office_calendar()
    assert not office.is_workday(D(2019, 8, 9))
    assert office.is_workday(D(2019, 8, 17))
    # received Thu 8/8: one working day later skips the typhoon Friday and the weekend
    assert office.add_workdays(D(2019, 8, 8), 1) == D(2019, 8, 12)
    assert WorkCalendar().add_workdays(D(2019, 8, 8), 1) == D(2019, 8, 9)
