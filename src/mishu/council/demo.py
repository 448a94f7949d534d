"""Demo council records that reproduce the seed's 壹四(二) and 貳三:

- the 13th term, its regular sessions 1 (108 spring), 2 (108 autumn) and 3 (109 spring): the
  108H2 report is given at session 3 and compiles the written replies of session 2;
- 63 members, and the visits of the 35 agencies' heads in sessions 1 and 2: in 61 of the 70
  (session, agency) pairs the head visited more than 2/3 (43 or more) of the members, 87%;
- 823 paperless city meetings from 93/1 to 108/12 that saved 7,893,450 A4 sheets and
  NT$3,772,180 (the seed's 「789 萬餘張」, 「377 萬餘元」), and two meetings after the period;
- questions of session 2 with their written replies, and directives of the mayor followed to
  closure or still in progress.

`load()` is idempotent (the term is found by its number; the rest is created with it).
"""

import datetime

from mishu.core import audit
from mishu.core.choices import ChangeSource
from mishu.core.models import Agency, Division
from mishu.core.workdays import office_calendar

from .choices import DirectiveState, QuestionKind, SessionKind
from .models import (
    CityMeeting,
    Directive,
    DirectiveProgress,
    Member,
    Question,
    Session,
    Term,
    Visit,
)

D = datetime.date
SESSIONS = [
    (1, D(2019, 3, 5), D(2019, 6, 18)),
    (2, D(2019, 9, 3), D(2019, 12, 24)),
    (3, D(2020, 3, 3), D(2020, 6, 23)),
]
MEMBERS = 63
MISSING_PAIRS = 9  # pairs of session 1 and 2 in which the head visited too few members
MEETINGS, SHEETS, COST = 823, 7_893_450, 3_772_180
PARTIES = ["中國國民黨", "民主進步黨", "親民黨", "時代力量", "社會民主黨", "無黨籍"]
QUESTIONS = [
    ("transportation", QuestionKind.GENERAL, "公車專用道延伸計畫之期程"),
    ("public-works", QuestionKind.GENERAL, "人行道改善工程之品質管控"),
    ("education", QuestionKind.POLICY, "國中小校舍耐震補強進度"),
    ("social-welfare", QuestionKind.POLICY, "公共托育設施之布建"),
    ("finance", QuestionKind.SPECIAL, "市有土地活化之收益"),
    ("health", QuestionKind.GENERAL, "長期照顧服務據點之分布"),
    ("civil-affairs", QuestionKind.GENERAL, "里民活動中心之使用管理"),
    ("environmental-protection", QuestionKind.SPECIAL, "垃圾清運路線之調整"),
    ("labor", QuestionKind.GENERAL, "青年就業促進方案"),
    ("secretariat", QuestionKind.POLICY, "市府大樓公共空間之活化"),
]
DIRECTIVES = [
    ("transportation", "請交通局於跨年活動前完成周邊交通疏運計畫並對外說明。", 20, "close"),
    ("public-works", "請工務局檢討汛期前側溝清疏作業並回報執行情形。", 30, "close"),
    ("social-welfare", "請社會局研議擴大公共托育家園之布建。", 60, "report"),
    ("education", "請教育局彙整各校午餐食材登錄情形。", 15, "close"),
    ("health", "請衛生局加強流感疫苗接種站之宣導。", 10, "close"),
    ("economic-development", "請產業局評估傳統市場改建之優先順序。", 90, "report"),
]


def _spread(start, end, n, i):
    return start + datetime.timedelta(days=(i * ((end - start).days + 1)) // n)


def load() -> None:
    """Create the demo council records unless the 13th term is already there."""
    division = Division.objects.get(code="confidential")
    if Term.objects.filter(division=division, number=13).exists():
        return
    with audit.audit_context(source=ChangeSource.SYSTEM, actor_name="loaddemo"):
        term = Term.objects.create(
            division=division, number=13, starts_on=D(2018, 12, 25), ends_on=D(2022, 12, 24)
        )
        sessions = [
            Session.objects.create(
                division=division,
                term=term,
                kind=SessionKind.REGULAR,
                number=n,
                starts_on=start,
                ends_on=end,
            )
            for n, start, end in SESSIONS
        ]
        members = _bulk(
            Member(
                division=division,
                term=term,
                name=f"示範議員{i + 1:02d}",
                party=PARTIES[i % len(PARTIES)],
                district=f"第 {i % 6 + 1} 選舉區",
            )
            for i in range(MEMBERS)
        )
        _visits(division, sessions[:2], members)
        _meetings(division)
        _questions(division, sessions[1], members)
        _directives(division)


def _bulk(objs):
    objs = list(objs)
    created = type(objs[0]).objects.bulk_create(objs, batch_size=2000)
    audit.record_created(created)
    return created


def _visits(division, sessions, members):
    agencies = list(Agency.objects.filter(active=True).order_by("order"))
    enough, too_few = MEMBERS * 2 // 3 + 1, MEMBERS // 2  # 43 and 31 of 63
    visits, pair = [], 0
    for session in sessions:
        for agency in agencies:
            pair += 1
            n = too_few if pair % 7 == 0 and pair // 7 <= MISSING_PAIRS else enough
            visits += [
                Visit(
                    division=division,
                    session=session,
                    agency=agency,
                    member=members[(pair + k) % MEMBERS],
                    visited_on=_spread(session.starts_on, session.ends_on, n, k),
                    visitor=f"{agency.short_name}首長",
                )
                for k in range(n)
            ]
    _bulk(visits)


def _meetings(division):
    first, last = D(2004, 1, 6), D(2019, 12, 31)
    meetings = []
    for i in range(MEETINGS):
        meetings.append(
            CityMeeting(
                division=division,
                number=1200 + i + 1,
                held_on=_spread(first, last - datetime.timedelta(days=6), MEETINGS, i),
                agenda="一、報告事項\n二、討論事項\n三、臨時動議",
                minutes="會議紀錄已上傳會議管理系統。",
                paperless=True,
                sheets_saved=SHEETS // MEETINGS + (1 if i < SHEETS % MEETINGS else 0),
                cost_saved=COST // MEETINGS + (1 if i < COST % MEETINGS else 0),
            )
        )
    for k, day in enumerate((D(2020, 1, 7), D(2020, 1, 14))):
        meetings.append(
            CityMeeting(
                division=division,
                number=1200 + MEETINGS + k + 1,
                held_on=day,
                paperless=True,
                sheets_saved=9500,
                cost_saved=4500,
            )
        )
    _bulk(meetings)


def _questions(division, session, members):
    cal = office_calendar()
    agencies = {a.code: a for a in Agency.objects.all()}
    for i, (code, kind, subject) in enumerate(QUESTIONS):
        asked = cal.add_workdays(session.starts_on, 5 + 3 * i)
        due = cal.add_workdays(asked, 20)
        replied = cal.add_workdays(asked, 12 if i != 3 else 22)
        question = Question(
            division=division,
            session=session,
            member=members[i * 5],
            kind=kind,
            subject=subject,
            agency=agencies[code],
            asked_on=asked,
            due_on=due,
            replied_on=replied,
            reply=f"有關「{subject}」一案，本府{agencies[code].short_name}已研擬具體作法，將依期程辦理並持續檢討。",
        )
        question.full_clean()
        question.save()


def _directives(division):
    cal = office_calendar()
    agencies = {a.code: a for a in Agency.objects.all()}
    meetings = list(
        CityMeeting.objects.filter(held_on__range=(D(2019, 7, 1), D(2019, 12, 31))).order_by(
            "held_on"
        )
    )
    for i, (code, text, days, last_step) in enumerate(DIRECTIVES):
        meeting = meetings[(i * 3) % len(meetings)]
        directive = Directive(
            division=division,
            meeting=meeting,
            text=text,
            agency=agencies[code],
            due_on=meeting.held_on + datetime.timedelta(days=days),
        )
        directive.full_clean()
        directive.save()
        progress_on = cal.add_workdays(meeting.held_on, 5)
        steps = [("report", progress_on, "已召開會議研商，刻正辦理中。")]
        if last_step == "close":
            steps.append(("close", cal.add_workdays(progress_on, 5), "已辦理完成，解除列管。"))
        for name, on, note in steps:
            DirectiveProgress.objects.create(directive=directive, transition=name, on=on, note=note)
        directive.state = (
            DirectiveState.CLOSED if last_step == "close" else DirectiveState.IN_PROGRESS
        )
        directive.closed_on = steps[-1][1] if last_step == "close" else None
        directive.save()
