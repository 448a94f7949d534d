"""總務組's property, dormitories and 研考 — 109H1 entered through the forms, the step pages and
the import pages, with rows of 108H2 and 109H2 (and of other statuses) that must not count.
市民服務組 and 機要組 are in citizen.py."""

import re
from collections import Counter
from decimal import Decimal

from django.urls import reverse

from mishu.core import formats
from mishu.core.formats import parse_date
from mishu.core.testing import division
from mishu.properties.models import Allocation, DormBuilding
from mishu.research.choices import Check
from mishu.research.models import PhoneTest

from . import PERIOD, page_text, total

START, END = (109, 1, 1), (109, 6, 30)
GA, CS, CONF = "general-affairs", "citizen-services", "confidential"


def _day(roc: str) -> tuple:
    """An ROC date `y/m/d` as a tuple that compares in date order."""
    return tuple(int(p) for p in roc.split("/"))


def _in_h1(roc: str) -> bool:
    """Whether an ROC date falls in 109H1 (the rows are typed so; the module reads them)."""
    return START <= _day(roc) <= END


def _pk(response) -> int:
    """The pk of the record a form created, from the page it redirects to."""
    return int(re.search(r"/(\d+)/$", response["Location"]).group(1))


def _n(n) -> Decimal:
    return Decimal(n)


def _add(ctx, div: str, url: str, fields: str, rows, **extra) -> list[int]:
    """Post each row (its values in the order of `fields`) to an add form as a clerk of `div`;
    the new records' pks."""
    base = {"division": division(div).pk, **extra}
    return [
        _pk(ctx.post(div, url, {**base, **dict(zip(fields.split(), r, strict=True))})) for r in rows
    ]


# --- 總務組: city-owned property -------------------------------------------------------------

Y = "on"  # a ticked box
# name, use, family quarters meeting the continued-residence rules, acquired, disposed of
BUILDINGS = [
    ("市政大樓", "辦公", "", "83/6/1", ""),
    ("西園職務宿舍", "職務宿舍", "", "78/3/1", ""),
    ("信義職務宿舍", "職務宿舍", "", "85/9/1", ""),
    ("吳興街眷舍", "眷舍", Y, "60/1/1", ""),
    ("松山眷舍", "眷舍", Y, "62/5/1", "109/9/15"),  # returned after the period: still counts
    ("木柵眷舍", "眷舍", Y, "65/1/1", "109/2/27"),  # returned in the period: not at its end
    ("南港倉庫", "倉儲", "", "109/8/3", ""),  # acquired after the period
]
# section, lot, area, acquired, disposed of
PARCELS = [
    ("信義區西村段三小段", "12", "5321.50", "83/6/1", ""),
    ("大安區龍泉段二小段", "455", "812.00", "78/3/1", ""),
    ("信義區三興段一小段", "88", "1203.16", "85/9/1", ""),
    ("文山區木柵段四小段", "301", "402.00", "65/1/1", "109/3/31"),  # disposed of in the period
    ("南港區玉成段一小段", "77", "960.00", "109/8/3", ""),  # acquired after it
]


def _standing(acquired: str, disposed: str) -> bool:
    """Held at 109H1's end: acquired by then and not yet disposed of."""
    return _day(acquired) <= END and (not disposed or _day(disposed) > END)


def enter_property(ctx) -> dict:
    fields = "name use continued_residence acquired_on disposed_on"
    _add(ctx, GA, "properties:building_add", fields, BUILDINGS)
    fields = "section lot area acquired_on disposed_on"
    _add(ctx, GA, "properties:landparcel_add", fields, PARCELS)
    held = [b for b in BUILDINGS if _standing(b[3], b[4])]
    return {
        ("property.buildings", ()): _n(len(held)),
        ("property.land_parcels", ()): _n(sum(_standing(p[3], p[4]) for p in PARCELS)),
        ("dormitory.family_units", ()): _n(sum(b[2] == Y for b in held)),
    }


# --- 總務組: dormitory rooms and allocations (the step pages) ---------------------------------

# building, number, and the day its recorded status (空置) began; 信義 204 is entered with no
# date (recorded from today), so no period before today counts it
ROOMS = [(b, n, "105/1/4") for b, n in (("西園", "101"), ("西園", "102"), ("西園", "103"))]
ROOMS += [("信義", n, "105/1/4") for n in ("201", "202", "203", "205")] + [("信義", "204", "")]
# applicant, applied, then the steps in order: (step, date[, room]); the room's status at
# 109H1's end follows from the steps dated by then
ALLOCATIONS = [
    ("陳志明", "108/10/1", [("notify", "108/10/15", "西園 101"), ("move_in", "108/10/21")]),
    ("林淑芬", "109/1/6", [("notify", "109/1/10", "西園 102"), ("move_in", "109/1/16")]),
    ("黃建宏", "109/2/3", [("notify", "109/2/10", "西園 103"), ("move_in", "109/2/14")]),
    (
        "張雅婷",
        "108/8/1",
        [("notify", "108/8/5", "信義 201"), ("move_in", "108/8/9"), ("move_out", "109/4/30")],
    ),
    ("李冠廷", "109/5/4", [("notify", "109/5/20", "信義 202")]),
    ("王怡君", "109/6/1", [("notify", "109/6/10", "信義 203"), ("withdraw", "109/8/3")]),
    ("吳宗翰", "109/3/2", [("withdraw", "109/3/20")]),  # withdrawn before a room was given
]
STATUS_AFTER = {
    "notify": "申請配借中",
    "move_in": "已提供借用",
    "move_out": "空置",
    "withdraw": "空置",
}
STEP_STATUS = {"notify": "notified", "move_in": "moved_in", "move_out": "ended"}
STEP_DATE = {"notify": "notified_on", "move_in": "moved_in_on", "move_out": "moved_out_on"}


def _step(ctx, pk: int, step: str, day: str, room_pk=None) -> None:
    data = {"step": step, STEP_DATE.get(step, "withdrawn_on"): day}
    data.update({"room": room_pk} if step == "notify" else {})
    if step == "move_out":
        data.update(move_out_reason="調職他機關", room_handed_back="on")
    ctx.post(GA, "properties:allocation_step", data, args=[pk])
    page = ctx.client(GA).get(reverse("properties:allocation_detail", args=[pk]))
    want = STEP_STATUS.get(step, "withdrawn")  # the page redirects either way: its messages
    assert Allocation.objects.get(pk=pk).status == want, (step, day, page_text(page))


def enter_dormitories(ctx) -> dict:
    names = [("西園",), ("信義",)]
    pks = _add(ctx, GA, "properties:dormbuilding_add", "name", names)
    buildings = {n: pk for (n,), pk in zip(names, pks, strict=True)}
    rows = [(buildings[b], n, "空置", since) for b, n, since in ROOMS]
    pks = _add(ctx, GA, "properties:room_add", "building number status status_since", rows)
    rooms = {f"{b} {n}": pk for (b, n, _s), pk in zip(ROOMS, pks, strict=True)}
    # a room counts by its status at the period's end, from the day its first status began
    status_at_end = {f"{b} {n}": "空置" for b, n, s in ROOMS if s and _day(s) <= END}
    moved_in_109 = 0
    days_109h1 = []  # notice to move-in, for the allocations moved in within 109H1 (the KPI)
    for applicant, applied, steps in ALLOCATIONS:
        dated = {step: day for step, day, *_r in steps}
        if "move_in" in dated and START <= _day(dated["move_in"]) <= END:
            notified, moved_in = (parse_date(dated[s]) for s in ("notify", "move_in"))
            days_109h1.append((moved_in - notified).days)
        [pk] = _add(
            ctx, GA, "properties:allocation_add", "applicant applied_on", [(applicant, applied)]
        )
        room = None
        for step, day, *named in steps:
            room = named[0] if named else room
            _step(ctx, pk, step, day, rooms.get(room))
            moved_in_109 += step == "move_in" and day.startswith("109/")
            if _day(day) > END:
                continue  # a step after the period leaves the room as it stood at its end
            status_at_end[room] = STATUS_AFTER[step]
    status_at_end.pop(None, None)
    # every room with a dated status by the period's end counts, with its status then
    by_status = Counter(status_at_end.values())
    return {
        ("dormitory.rooms", ()): _n(len(status_at_end)),
        ("dormitory.rooms", (("status", "已提供借用"),)): _n(by_status["已提供借用"]),
        ("dormitory.rooms", (("status", "申請配借中"),)): _n(by_status["申請配借中"]),
        ("dormitory.allocations", (), "109"): _n(moved_in_109),
        ("dormitory.allocation_days_avg", ()): (
            Decimal(sum(days_109h1)) / len(days_109h1)
        ).quantize(Decimal("0.1")),
    }


# building, year (AD), title, budget, spent, done
REPAIRS = [
    ("西園", "2020", "西園宿舍外牆磁磚修繕", "860000", "845000", "109/4/17"),
    ("信義", "2020", "信義宿舍電梯保養", "420000", "210000", ""),
    ("信義", "2020", "信義宿舍屋頂防水", "1150000", "0", ""),
    ("", "2020", "宿舍消防設備檢修", "95000", "95000", "109/3/9"),
    ("西園", "2019", "西園宿舍熱水器汰換", "380000", "380000", "108/11/20"),  # 108's budget
    ("信義", "2021", "信義宿舍管線更新", "2000000", "0", ""),  # 110's budget
]


def enter_repairs(ctx) -> dict:
    buildings = dict(DormBuilding.objects.values_list("name", "pk"))  # the form's choices
    rows = [(buildings.get(r[0], ""), *r[1:]) for r in REPAIRS]
    _add(ctx, GA, "properties:repairitem_add", "building year title budget spent done_on", rows)
    of_109 = [r for r in REPAIRS if r[1] == "2020"]
    return {
        ("dormitory.maintenance_budget", (), "109"): total(r[3] for r in of_109),
        ("dormitory.maintenance_items", (), "109"): _n(len(of_109)),
        # the KPI's actual: spent over budget of the year's items, four places
        ("dormitory.maintenance_execution_ratio", ()): (
            total(r[4] for r in of_109) / total(r[3] for r in of_109)
        ).quantize(Decimal("0.0001")),
    }


# --- 總務組: 研考 -----------------------------------------------------------------------------

PHONE_COLUMNS = (
    *"tested_on tester_agency tester_name tested_agency tested_unit phone".split(),
    *Check.values,  # first_unit first_name polite tone answer: 通過 or 未通過
    "findings",
)
OK, NO = "通過", "未通過"
PHONE_TESTS = [
    ("109/2/11", "勞動局", "測試員甲", "秘書處", "文書組", "1999#1001", OK, OK, OK, OK, OK, ""),
    ("109/2/11", "勞動局", "測試員甲", "秘書處", "總務組", "1999#1002", NO, OK, OK, OK, OK, ""),
    ("109/3/18", "消防局", "測試員乙", "秘書處", "媒體事務組", "1999#1003", OK, NO, OK, OK, OK, ""),
    ("109/5/6", "消防局", "測試員乙", "秘書處", "市民服務組", "1999#1004", OK, OK, OK, OK, OK, ""),
    ("109/6/23", "勞動局", "測試員丙", "秘書處", "國際事務組", "1999#1005", OK, OK, OK, OK, OK, ""),
    ("108/12/10", "勞動局", "測試員丙", "秘書處", "機要組", "1999#1006", OK, OK, NO, OK, OK, ""),
    ("109/7/14", "消防局", "測試員乙", "秘書處", "文書組", "1999#1001", OK, OK, OK, NO, OK, ""),
]
# issue, published, title
BULLETINS = [
    ("13", "108/12/20", "年終公文清理"),
    *((str(13 + m), f"109/{m}/22", f"公文時效管制宣導第 {13 + m} 期") for m in range(1, 8)),
]
# held, title, hours
TRAININGS = [
    ("108/11/6", "公文寫作實務", "3"),
    ("109/4/15", "公文時效管制及線上簽核實務", "3"),
    ("109/6/3", "檔案管理與公文分類", "2.5"),
    ("109/9/9", "公文製作與行政溝通", "3"),
]


def enter_research(ctx) -> dict:
    ctx.upload(GA, "research:phonetest_import", PHONE_COLUMNS, PHONE_TESTS, PhoneTest)
    _add(ctx, GA, "research:bulletin_add", "issue published_on title", BULLETINS)
    _add(ctx, GA, "research:trainingsession_add", "held_on title hours", TRAININGS)
    return {
        ("research.phone_tests", ()): _n(sum(_in_h1(t[0]) for t in PHONE_TESTS)),
        ("research.bulletins", ()): _n(sum(_in_h1(b[1]) for b in BULLETINS)),
        ("research.trainings", ()): _n(sum(_in_h1(t[0]) for t in TRAININGS)),
    }


def enter(ctx) -> dict:
    assert PERIOD.code == "109H1" and PERIOD.start.month == START[1] and PERIOD.end.day == END[2]
    expected = {}
    for part in (enter_property, enter_dormitories, enter_repairs, enter_research):
        expected.update(part(ctx))
    return expected


def check_report(text: str, expected: dict) -> None:
    def f(code, *cell, period=None, fmt=formats.format_int):
        return fmt(expected[(code, tuple(cell), *((period,) if period else ()))])

    wan = formats.format_wan
    assert (
        f"經管市有建物 {f('property.buildings')} 筆、市有土地 {f('property.land_parcels')} 筆；"
        f"建物含符合續住規定眷舍 {f('dormitory.family_units')} 筆及西園、信義單房間職務宿舍 "
        f"{f('dormitory.rooms')} 間，迄 109 年 6 月底已提供借用 "
        f"{f('dormitory.rooms', ('status', '已提供借用'))} 間，尚有 "
        f"{f('dormitory.rooms', ('status', '申請配借中'))} 間申請配借中"
    ) in text
    assert f"本期計測試 {f('research.phone_tests')} 通" in text
    # the H1 calls failed on answering only (108/12's and 109/7's other failures do not show)
    assert "惟部分同仁於首接時未清楚報明業務單位名稱及自己姓名(氏)，已請渠等" in text
    assert f"本期計發行 {f('research.bulletins')} 期公文時效管制宣導電子期刊" in text
    assert f"本期計辦理 {f('research.trainings')} 場次文書相關教育訓練" in text
    # the year's allocations so far, not "全年" in a 上半年 report
    assert f"本年度截至 109 年 6 月底共配住 {f('dormitory.allocations', period='109')} 件" in text
    budget = f("dormitory.maintenance_budget", period="109", fmt=wan)
    assert f"修繕及養護預算計 {budget} 元" in text
    assert f"共計修繕及養護 {f('dormitory.maintenance_items', period='109')} 項" in text
    assert "108 年 12 月底" not in text and "108 年 7 月" not in text
    assert "松青獎" not in text  # the 108 年度 awards stay in the 108H2 draft
