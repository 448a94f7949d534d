"""Small builders of international affairs records for the tests."""

import datetime
from decimal import Decimal

from mishu.core.testing import division

from ..choices import MeetingKind
from ..models import Delegation, GrantApplication, Meeting, Trip

D = datetime.date


def delegation(day, size=10, div="international", **kw):
    kw.setdefault("country", "美國")
    kw.setdefault("leader", "示範團長")
    return Delegation.objects.create(division=division(div), received_on=day, size=size, **kw)


def trip(start, end, div="international", **kw):
    kw.setdefault("leader", "楊參事慶輝")
    kw.setdefault("purpose", "出席論壇")
    return Trip.objects.create(division=division(div), start_date=start, end_date=end, **kw)


def meeting(day, kind=MeetingKind.REVIEW, div="international", **kw):
    kw.setdefault("title", "第 1 期審查會")
    return Meeting.objects.create(division=division(div), kind=kind, start_date=day, **kw)


def application(day, div="international", **kw):
    kw.setdefault("applicant", "臺北示範協會")
    kw.setdefault("event_title", "國際研討會")
    kw.setdefault("requested_amount", Decimal(50000))
    return GrantApplication.objects.create(division=division(div), applied_on=day, **kw)
