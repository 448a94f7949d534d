"""Small council records for the tests."""

import datetime

from mishu.core.models import Agency
from mishu.core.testing import division

from ..models import CityMeeting, Directive, Member, Question, Session, Term

D = datetime.date
SPRING_START, AUTUMN_START, AUTUMN_END = D(2019, 3, 5), D(2019, 9, 3), D(2019, 12, 24)
ASKED, DUE, MEETING_DAY, DIRECTIVE_DUE = (
    D(2019, 9, 10),
    D(2019, 10, 8),
    D(2019, 9, 3),
    D(2019, 10, 1),
)


def term(number=13):
    return Term.objects.create(
        division=division("confidential"),
        number=number,
        starts_on=D(2018, 12, 25),
        ends_on=D(2022, 12, 24),
    )


def session(t, number=2, start=AUTUMN_START, end=AUTUMN_END, kind="regular"):
    return Session.objects.create(
        division=division("confidential"),
        term=t,
        kind=kind,
        number=number,
        starts_on=start,
        ends_on=end,
    )


def member(t, name="議員甲"):
    return Member.objects.create(division=division("confidential"), term=t, name=name)


def question(s, agency="finance", asked=ASKED, due=DUE, **kw):
    kw.setdefault("subject", "市有土地活化")
    return Question.objects.create(
        division=division("confidential"),
        session=s,
        kind="general",
        agency=Agency.objects.get(code=agency),
        asked_on=asked,
        due_on=due,
        **kw,
    )


def meeting(number=2001, held=MEETING_DAY, **kw):
    return CityMeeting.objects.create(
        division=division("confidential"), number=number, held_on=held, **kw
    )


def directive(m, agency="transportation", due=DIRECTIVE_DUE):
    return Directive.objects.create(
        division=division("confidential"),
        meeting=m,
        text="請交通局完成疏運計畫。",
        agency=Agency.objects.get(code=agency),
        due_on=due,
    )
