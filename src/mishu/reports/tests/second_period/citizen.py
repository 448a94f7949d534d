"""市民服務組's counters, volunteers and nursing rooms; 機要組's petitions to the mayor's office —
109H1 entered through the import pages, the forms and the case action page, with rows of 108H2
and 109H2 (and of other statuses) that must not count."""

from collections import Counter
from decimal import Decimal

from mishu.consultations.models import (
    CoordinatedPetition,
    CounterContact,
    ProfessionalConsultation,
    VolunteerService,
)
from mishu.core import formats
from mishu.core.models import Agency
from mishu.petitions.models import PetitionCase

from . import total
from .services import CONF, CS, END, START, _add, _day, _in_h1, _n

# --- 市民服務組: counters, volunteers, nursing rooms ------------------------------------------


def _monthly(members: dict, step: int):
    """One row per month of 109H1 and member (the paper sheets' figures: the member's base and
    `step` more each month), a second row in January that adds up, and a 108/12 and a 109/7 row
    that must not count."""
    rows = [
        (CS, f"109/{m}/28", member, str(base + step * m))
        for m in range(1, 7)
        for member, base in members.items()
    ]
    first, last = next(iter(members)), list(members)[-1]
    rows.append((CS, "109/1/2", first, "3"))
    return [*rows, (CS, "108/12/30", first, "99"), (CS, "109/7/1", last, "77")]


COUNTER = _monthly(
    {"民政": 140, "財政建設": 50, "教育": 15, "交通": 85, "工務": 88, "警政衛生": 25}, 3
)
COORDINATED = _monthly({"協處市民個別陳情": 14, "協處民眾集體陳情": 1}, 1)
CONSULTING = _monthly({"法律諮詢": 790, "建築諮詢": 190, "地政諮詢": 160}, 6)
# date, persons served, leaflets
VOLUNTEERS = [("109/1/31", "18230", "9120"), ("109/2/29", "12710", "6350")]
VOLUNTEERS += [("109/3/31", "9650", "4830"), ("109/4/30", "8820", "3310")]
VOLUNTEERS += [("109/5/31", "11245", "5402"), ("109/6/30", "13980", "7015")]
VOLUNTEERS += [("108/12/31", "19500", "9900"), ("109/7/31", "17200", "8600")]  # not in 109H1
# name, opened, closed
NURSING_ROOMS = [
    ("市政大樓 1 樓哺集乳室", "99/8/1", ""),
    ("市政大樓 2 樓哺集乳室", "101/3/1", ""),
    ("市政大樓 B1 哺集乳室", "104/5/4", "109/5/31"),  # closed in the period: open in it
    ("市政大樓 10 樓哺集乳室", "97/1/2", "108/12/31"),  # closed before it
    ("市政大樓 6 樓哺集乳室", "109/9/1", ""),  # opened after it
]
# room (its place in NURSING_ROOMS), date (the month's sign-in sheet), uses
NURSING_USES = [(0, "109/1/31", "210"), (0, "109/3/31", "388"), (0, "109/6/30", "401")]
NURSING_USES += [(1, "109/2/29", "167"), (1, "109/6/30", "352"), (2, "109/5/31", "96")]
NURSING_USES += [(0, "108/12/31", "250"), (1, "109/7/31", "190")]  # before and after it


def _tally_total(rows) -> Decimal:
    return total(r[3] for r in rows if _in_h1(r[1]))


def enter_citizen_services(ctx) -> dict:
    for url, choice, rows, model in (
        ("countercontact", "category", COUNTER, CounterContact),
        ("coordinatedpetition", "kind", COORDINATED, CoordinatedPetition),
        ("professionalconsultation", "field", CONSULTING, ProfessionalConsultation),
    ):
        columns = ("division", "date", choice, "count")
        ctx.upload(CS, f"consultations:{url}_import", columns, rows, model)
    columns = ("division", "date", "persons_served", "leaflets")
    rows = [(CS, *v) for v in VOLUNTEERS]
    ctx.upload(CS, "consultations:volunteerservice_import", columns, rows, VolunteerService)
    rooms = _add(
        ctx, CS, "consultations:nursingroom_add", "name opened_on closed_on", NURSING_ROOMS
    )
    rows = [(rooms[i], day, uses) for i, day, uses in NURSING_USES]
    _add(ctx, CS, "consultations:nursingroomuse_add", "room date count", rows)
    # open at some time in the period: opened by its end, not closed before its start
    open_rooms = [
        r for r in NURSING_ROOMS if _day(r[1]) <= END and (not r[2] or _day(r[2]) >= START)
    ]
    return {
        ("services.counter_contacts", ()): _tally_total(COUNTER),
        ("services.coordinated_petitions", ()): _tally_total(COORDINATED),
        ("services.professional_consultations", ()): _tally_total(CONSULTING),
        ("volunteers.service_persons", ()): total(v[1] for v in VOLUNTEERS if _in_h1(v[0])),
        ("volunteers.leaflets", ()): total(v[2] for v in VOLUNTEERS if _in_h1(v[0])),
        ("services.nursing_rooms", ()): _n(len(open_rooms)),
        ("services.nursing_room_uses", ()): total(u[2] for u in NURSING_USES if _in_h1(u[1])),
    }


# --- 機要組: petitions to the mayor's office (the case form and the action page) -------------

# received, channel, subject, then the actions: (action, value) — assigned/reassigned name the
# agency, declined its reason; the competent agency is the last one assigned
PETITIONS = [
    ("109/1/8", "mailbox", "路燈不亮", [("assigned", "工務局"), ("started", ""), ("replied", "")]),
    ("109/1/21", "1999", "違建查報", [("assigned", "都發局"), ("replied", ""), ("closed", "4")]),
    ("109/2/5", "mailbox", "校園午餐", [("assigned", "教育局")]),
    ("109/3/12", "email", "公車誤點", [("assigned", "交通局"), ("reassigned", "捷運公司")]),
    ("109/4/1", "letter", "社福補助", [("assigned", "社會局"), ("started", "")]),
    ("109/4/30", "mailbox", "騎樓占用", [("assigned", "都發局"), ("started", "")]),
    ("109/6/29", "walk-in", "市府大樓停車", [("assigned", "秘書處")]),
    ("109/5/15", "mailbox", "無具體內容", [("declined", "anonymous")]),  # no agency: not counted
    ("109/6/2", "mailbox", "尚待分文", []),  # not yet assigned: not counted
    ("108/12/27", "mailbox", "跨年煙火", [("assigned", "觀傳局")]),  # 108H2
    ("109/7/3", "1999", "颱風停班", [("assigned", "人事處")]),  # 109H2
]
CASE_FIELDS = "channel received_on subject body time_limit"
# what each action asks for besides the value it is given
CASE_DATA = {
    "reassigned": {"reason": "非屬權責，改分捷運公司", "petitioner_told": "on"},
    "replied": {"reply": "已函復陳情人，說明處理情形。"},
}
VALUE_FIELD = {"assigned": "agency", "reassigned": "agency", "closed": "satisfaction"}
VALUE_FIELD["declined"] = "decline_reason"


def _act(ctx, case_pk: int, action: str, value: str) -> None:
    data = {"action": action, **CASE_DATA.get(action, {})}
    if action in VALUE_FIELD:
        agency = VALUE_FIELD[action] == "agency"  # the form's choice is the agency's pk
        data[VALUE_FIELD[action]] = Agency.objects.get(short_name=value).pk if agency else value
    before = PetitionCase.objects.get(pk=case_pk).status
    ctx.post(CONF, "petitions:case_action", data, args=[case_pk])
    after = PetitionCase.objects.get(pk=case_pk).status  # the page redirects either way
    assert after == {"started": "in-progress", "reassigned": before}.get(action, action), action


def enter_petitions(ctx) -> dict:
    agencies = Counter()
    for received, channel, subject, actions in PETITIONS:
        row = (channel, received, subject, f"陳情{subject}事項。", "6")
        [pk] = _add(ctx, CONF, "petitions:petitioncase_add", CASE_FIELDS, [row])
        agency = None
        for action, value in actions:
            _act(ctx, pk, action, value)
            agency = value if action in ("assigned", "reassigned") else agency
        if agency and _in_h1(received):
            agencies[agency] += 1
    figures = {("petitions.mayor_by_agency", ()): _n(sum(agencies.values()))}
    for agency, n in agencies.items():
        figures[("petitions.mayor_by_agency", (("agency", agency),))] = _n(n)
    return figures


def enter(ctx) -> dict:
    return enter_citizen_services(ctx) | enter_petitions(ctx)


def _month_rows(rows) -> dict:
    """Each member's 109H1 months (1 to 6) summed, as the table's row prints them."""
    sums = Counter()
    for _div, day, member, count in rows:
        if _in_h1(day):
            sums[member, _day(day)[1]] += int(count)
    members = dict.fromkeys(member for _d, _day, member, _c in rows)
    return {m: [sums[m, month] for month in range(1, 7)] for m in members}


def check_report(text: str, expected: dict) -> None:
    def f(code, *cell, period=None, fmt=formats.format_int):
        return fmt(expected[(code, tuple(cell), *((period,) if period else ()))])

    wan = formats.format_wan
    assert f"本期受理案件計 {f('petitions.mayor_by_agency')} 件" in text
    table = text.split("本期受理案件計", 1)[1].split("(二)辦理議事工作", 1)[0]
    for (code, cell, *_p), value in expected.items():
        if code == "petitions.mayor_by_agency" and cell:
            assert f"{cell[0][1]} {formats.format_int(value)}" in table, cell
    assert "觀傳局" not in table and "人事處" not in table and "交通局" not in table
    for code, words, rows in (
        ("services.counter_contacts", "市政業務諮詢服務計", COUNTER),
        ("services.coordinated_petitions", "協處民眾個別陳情及集體陳情計", COORDINATED),
        ("services.professional_consultations", "本期計受理", CONSULTING),
    ):
        assert f"{words} {f(code, fmt=wan)} 件" in text, code
        for member, months in _month_rows(rows).items():
            row = " ".join(wan(n) for n in [*months, sum(months)])
            assert f"{member} {row}" in text, (member, row)
    assert (
        f"本期計服務 {f('volunteers.service_persons', fmt=wan)} 人次，並協助發送本府各類文宣"
        f"資料計 {f('volunteers.leaflets', fmt=wan)} 份"
    ) in text
    assert (
        f"設有 {f('services.nursing_rooms')} 間哺集乳室，本期共提供哺集乳室使用服務計 "
        f"{f('services.nursing_room_uses', fmt=wan)} 人次"
    ) in text
