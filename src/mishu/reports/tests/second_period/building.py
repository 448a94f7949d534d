"""市政大樓公共事務管理中心 and 總務組: the building's water and rainwater meters, stall calls,
equipment replacements, e-signage, EMS, LED and the south air-conditioning renewal (forms and
import pages of `building`), and the venue bookings with their fees, stage and AV loans (the
forms of `venues`, each booking approved, rejected or cancelled through its page).

Every list below holds rows that count and rows that must not (108H2, 109H2, another kind,
another status, another project), and the figures are computed here from the rows."""

import math
import re
from decimal import Decimal
from typing import NamedTuple

from mishu.building.models import MeterReading, StallApplication
from mishu.core import formats
from mishu.core.formats import parse_date
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.reports.sources import compact_range

from . import PERIOD, total

CH, GA = "city-hall", "general-affairs"
YEAR = str(PERIOD.year - 1911)  # the key of a `period=year` figure: "109"


def in_h1(roc: str) -> bool:
    return PERIOD.start <= parse_date(roc) <= PERIOD.end


def in_year(roc: str) -> bool:
    return parse_date(roc).year == PERIOD.year


def created_pk(response) -> int:  # an add form redirects to the new record's page
    return int(re.search(r"/(\d+)/$", response["Location"])[1])


# -- meters: month reading, 換表 when the meter was replaced (the new one counts from zero) -----
def _readings(text: str) -> list[tuple[str, str, str]]:
    return [(*r.split()[:2], "是" if "換表" in r else "") for r in text.split(",")]


WATER = _readings(
    "108-11 2310450, 108-12 2324880, 109-01 2339090, 109-02 2352670, 109-03 2365630,"
    "109-04 2379505, 109-05 2394125, 109-06 2409255, 109-07 2425010"  # 109-07: 109H2
)
RAINWATER = _readings(
    "108-12 1520, 109-01 1528, 109-02 1534, 109-03 1546, 109-04 15 換表, 109-05 24, 109-06 35"
)


def usage_in_h1(readings) -> Decimal:
    """The sum of the monthly usage of the months of 109H1 (a changed meter's reading is its
    usage; otherwise the difference from the month before)."""
    used, previous = Decimal(0), None
    for month, reading, changed in readings:
        value = Decimal(reading)
        if month.startswith("109-0") and int(month[4:]) <= 6 and previous is not None:
            used += value if changed else value - previous
        previous = value
    return used


# -- 公管中心's building records ---------------------------------------------------------------
# stall calls: (title, opens, closes, stalls); a call counts when its exhibition ends
CALLS = [
    ("108 年下半年度市府生活廣場臨時攤位招商", "108/5/1", "108/10/31", "28"),
    ("109 年春節市府生活廣場臨時攤位招商", "109/1/6", "109/1/22", "12"),
    ("109 年上半年度市府生活廣場臨時攤位招商", "108/11/1", "109/4/30", "26"),
    ("109 年下半年度市府生活廣場臨時攤位招商", "109/5/1", "109/10/31", "28"),
]
# applications: (call index, vendor, applied on, qualified)
APPLICATIONS = [
    (0, "禾豐食品行", "108/3/12", "是"),
    (0, "山海手作坊", "108/3/20", "是"),
    (1, "福氣年貨商行", "108/12/10", "是"),
    (1, "金元寶糕餅舖", "108/12/11", "是"),
    (1, "大吉春聯社", "108/12/16", "否"),
    (2, "好時光咖啡", "108/9/2", "是"),
    (2, "青田有機蔬果", "108/9/5", "是"),
    (2, "小確幸文創", "108/9/9", "否"),
    (2, "阿嬤的灶腳", "108/9/10", "是"),
    (2, "森林系手工皂", "108/9/12", "是"),
    (2, "宏興電器行", "108/9/18", "不合格"),
    (3, "好時光咖啡", "109/3/2", "是"),
    (3, "北投溫泉蛋", "109/3/5", "是"),
    (3, "茶香世家", "109/3/9", "否"),
]
# equipment replaced: (equipment, description, location, quantity, completed on)
REPLACEMENTS = [
    ("air_breaker", "低壓配電盤空氣斷路器更新", "B1 電力主機房", "20", "108/11/20"),
    ("air_breaker", "高壓側空氣斷路器更新", "B1 電力主機房", "8", "109/2/26"),
    ("air_breaker", "緊急發電機盤空氣斷路器更新", "B1 電力主機房", "6", "109/5/20"),
    ("ups", "資訊機房不斷電系統更新", "12 樓機房", "2", "109/4/10"),
]
# e-signage requests: (agency code, subject, received, shows from, shows until)
SIGNAGE = [
    ("health", "流感疫苗接種宣導", "108/12/26", "109/1/2", "109/1/15"),
    ("civil-affairs", "109 年春節活動", "109/1/6", "109/1/13", "109/2/7"),
    ("health", "新冠肺炎防疫宣導", "109/2/17", "109/2/18", "109/3/31"),
    ("fire", "住警器安裝宣導", "109/3/9", "109/3/16", "109/3/29"),
    ("labor", "就業博覽會", "109/4/20", "109/5/1", "109/5/15"),
    ("sports", "臺北馬拉松報名", "109/6/29", "109/7/1", "109/7/31"),
    ("education", "暑期營隊招生", "109/7/2", "109/7/6", "109/7/20"),
]
# EMS installations: (agency code, building, started on, completed on)
EMS = [
    ("civil-affairs", "松山區公所", "108/6/3", "108/11/29"),
    ("health", "北市聯醫中興院區", "108/9/2", "109/3/20"),
    ("police", "警察局大同分局", "108/10/7", "109/5/28"),
    ("education", "市立圖書館總館", "109/1/6", "109/6/15"),
    ("civil-affairs", "士林區公所", "109/4/1", ""),  # under way
]
# energy-saving projects: (title, measure, completed on, progress, estimated yearly saving)
ENERGY = [
    ("市政大樓 4 樓辦公區 T5 LED 燈管汰換", "lighting", "108/12/20", "1", "70000"),
    ("市政大樓 3 樓辦公區 T5 LED 燈管汰換", "lighting", "109/3/31", "1", "85320"),
    ("市政大樓 2 樓辦公區 T5 LED 燈管汰換", "lighting", "109/6/12", "1", "64180"),
    ("市政大樓 1 樓辦公區 T5 LED 燈管汰換", "lighting", "", "0.4", "52000"),
    ("市政大樓冷卻水塔風扇變頻改善", "air_conditioning", "109/5/10", "1", "40000"),
]
SOUTH_AC = "市政大樓南區空調箱及冰水管路更新工程"
OTHER_PROJECT = "市政大樓北區空調監控系統優化"
# progress reports: (project, as of, percent, kWh saved since the last report)
PROGRESS = [
    (SOUTH_AC, "108/12/31", "42", "106529"),
    (SOUTH_AC, "109/3/31", "55", "21340"),
    (OTHER_PROJECT, "109/5/31", "30", "5000"),
    (SOUTH_AC, "109/6/30", "68.5", "33870"),
]


def enter_building(ctx) -> dict:
    ch, ga = division(CH).pk, division(GA).pk
    meters = (("市政大樓自來水總表", "water", GA, ga, WATER),)
    meters += (("雨水回收系統流量計", "rainwater", CH, ch, RAINWATER),)
    for name, kind, code, pk, readings in meters:
        ctx.post(code, "building:meter_add", {"division": pk, "name": name, "kind": kind})
        ctx.upload(
            code,
            "building:meterreading_import",
            ("meter", "month", "reading", "meter_changed"),
            [(name, *r) for r in readings],
            MeterReading,
        )
    for title, opens, closes, stalls in CALLS:
        ctx.post(
            CH,
            "building:stallcall_add",
            {"division": ch, "title": title, "place": "市府生活廣場", "opens_on": opens}
            | {"closes_on": closes, "stalls": stalls},
        )
    ctx.upload(
        CH,
        "building:stallapplication_import",
        ("call", "vendor", "applied_on", "qualified", "note"),
        [(CALLS[i][0], vendor, day, ok, "") for i, vendor, day, ok in APPLICATIONS],
        StallApplication,
    )
    for equipment, description, location, quantity, day in REPLACEMENTS:
        ctx.post(
            CH,
            "building:equipmentreplacement_add",
            {"division": ch, "equipment": equipment, "description": description}
            | {"location": location, "quantity": quantity, "completed_on": day},
        )
    for agency, subject, received, shows_from, shows_until in SIGNAGE:
        ctx.post(
            CH,
            "building:signagerequest_add",
            {"division": ch, "agency": Agency.objects.get(code=agency).pk, "subject": subject}
            | {"received_on": received, "shows_from": shows_from, "shows_until": shows_until},
        )
    for agency, building, started, completed in EMS:
        ctx.post(
            CH,
            "building:emsinstallation_add",
            {"division": ch, "agency": Agency.objects.get(code=agency).pk, "building": building}
            | {"started_on": started, "completed_on": completed},
        )
    for title, measure, completed, progress, saving in ENERGY:
        ctx.post(
            CH,
            "building:energyproject_add",
            {"division": ch, "title": title, "measure": measure, "year": "2020"}
            | {"completed_on": completed, "progress": progress, "yearly_saving_kwh": saving},
        )
    projects = {}
    for title, reported_as in ((SOUTH_AC, "south_ac"), (OTHER_PROJECT, "")):
        response = ctx.post(
            CH,
            "building:buildingproject_add",
            {"division": ch, "title": title, "due_on": "110/6/30", "reported_as": reported_as}
            | {"budget": "186000000" if reported_as else "12000000"},  # not a tracked project
        )
        projects[title] = created_pk(response)
    for project, day, percent, saving in PROGRESS:
        ctx.post(
            CH,
            "building:projectprogress_add",
            {"division": ch, "project": projects[project], "reported_on": day}
            | {"percent": percent, "saving_kwh": saving, "note": ""},
        )

    south_year = [p for p in PROGRESS if p[0] == SOUTH_AC and in_year(p[1])]
    last = max(south_year, key=lambda p: parse_date(p[1]))
    h1_calls = {i for i, c in enumerate(CALLS) if in_h1(c[2])}
    return {
        ("energy.water_usage", ()): usage_in_h1(WATER),
        ("energy.rainwater_tonnes", ()): usage_in_h1(RAINWATER),
        ("city_hall.market_stalls", ()): total(c[3] for i, c in enumerate(CALLS) if i in h1_calls),
        ("city_hall.market_vendors", ()): Decimal(
            sum(1 for a in APPLICATIONS if a[0] in h1_calls and a[3] == "是")
        ),
        ("city_hall.air_breakers_replaced", ()): total(
            r[3] for r in REPLACEMENTS if r[0] == "air_breaker" and in_h1(r[4])
        ),
        ("city_hall.signage_requests", ()): Decimal(sum(1 for s in SIGNAGE if in_h1(s[2]))),
        ("energy.ems_buildings", (), YEAR): Decimal(sum(1 for e in EMS if e[3] and in_year(e[3]))),
        ("energy.led_saving_kwh", ()): total(
            e[4] for e in ENERGY if e[1] == "lighting" and e[2] and in_h1(e[2])
        ),
        ("city_hall.south_ac_progress", (), YEAR): Decimal(last[2]) / 100,
        ("energy.south_ac_saving_kwh", (), YEAR): total(p[3] for p in south_year),
    }


# -- venues ------------------------------------------------------------------------------------
# (name, report group, fee schedule: (label, fee per session, session hours))
VENUES = [
    ("1 樓中庭", "1 樓中庭", [("半日", 8000, 4), ("全日", 14000, 8)]),
    ("市民廣場", "市民廣場", [("半日", 6500, 4)]),
    ("東側廣場", "其他周邊場地", [("每 2 小時", 2000, 2)]),
    ("北側通廊", "其他周邊場地", []),  # no fee schedule: free
]
EXEMPT = {"promotion", "charity"}  # the venues' fee-exempt purposes for city agencies


class B(NamedTuple):
    venue: str
    title: str
    purpose: str
    agency: str  # the applying agency's code, "" for the public
    applicant: str
    day: str
    start: int
    end: int
    stage: bool
    av: bool
    saving: int
    steps: tuple  # the workflow steps taken on its page


# venue | event | purpose | agency | applicant | day | hours | S stage, A AV | saving | steps
BOOKING_ROWS = """
1 樓中庭|歲末聯歡音樂會|culture||臺北愛樂合唱團|108/12/21|13-17|SA|30000|approve
1 樓中庭|新春音樂會|culture||臺北愛樂合唱團|109/1/15|9-12|SA|35000|approve
1 樓中庭|防疫宣導特展|promotion|health||109/2/20|9-17|SA|42000|approve
1 樓中庭|親子科學營|education||臺北市科學教育協會|109/4/11|13-21|S|20000|approve
1 樓中庭|母親節音樂饗宴|culture||臺北市音樂推廣協會|109/5/9|9-18|A|12000|approve
1 樓中庭|社團成果展|culture||青年社團聯盟|109/6/6|10-12|SA|30000|reject
1 樓中庭|暑期藝文活動|culture||臺北愛樂合唱團|109/7/4|9-12|SA|30000|approve
市民廣場|公益園遊會|charity||臺北市慈善協會|109/3/14|9-13||0|approve
市民廣場|身心障礙者就業博覽會|charity|social-welfare||109/3/28|9-16||0|approve
市民廣場|街頭藝人大會串|culture||臺北街頭藝術協會|109/5/16|9-17||0|approve,cancel
市民廣場|環保市集|education||綠色生活協會|109/6/13|9-12||0|
東側廣場|自行車安全教育|education||臺北市自行車協會|109/4/25|10-15|A|5000|approve
北側通廊|交通安全宣導|promotion||臺北市交通安全促進會|109/6/20|9-12||0|approve
"""


def _booking(row: str) -> B:
    venue, title, purpose, agency, applicant, day, hours, lent, saving, steps = row.split("|")
    start, end = (int(h) for h in hours.split("-"))
    lent, steps = ("S" in lent, "A" in lent), tuple(s for s in steps.split(",") if s)
    return B(venue, title, purpose, agency, applicant, day, start, end, *lent, int(saving), steps)


BOOKINGS = [_booking(row) for row in BOOKING_ROWS.strip().splitlines()]
APPROVED = ("approve",)


def fee(b: B) -> Decimal:
    """The schedule's fee: the cheapest line, ceil(hours / session hours) sessions of it; nothing
    for a city agency's booking for an exempt purpose, nor at a venue without a schedule."""
    rates = next(v[2] for v in VENUES if v[0] == b.venue)
    if not rates or (b.agency and b.purpose in EXEMPT):
        return Decimal(0)
    hours = b.end - b.start
    return Decimal(min(amount * math.ceil(hours / length) for _l, amount, length in rates))


def _hm(hour: int) -> str:
    return f"{hour:02d}:00"


def enter_venues(ctx) -> dict:
    ch = division(CH).pk
    venue_pk = {}
    for name, group, rates in VENUES:
        response = ctx.post(
            CH,
            "venues:venue_add",
            {"division": ch, "name": name, "report_group": group, "opens": "08:00"}
            | {"closes": "22:00", "closed_weekdays": "", "min_days_ahead": "7"}
            | {"max_days_ahead": "90", "purposes": "promotion,charity,culture,education"}
            | {"fee_exempt_purposes": ",".join(sorted(EXEMPT)), "active": "on"},
        )
        venue_pk[name] = created_pk(response)
        for label, amount, hours in rates:
            ctx.post(
                CH,
                "venues:venuerate_add",
                {"division": ch, "venue": venue_pk[name], "label": label}
                | {"amount": str(amount), "hours": str(hours)},
            )
    for b in BOOKINGS:
        iso = parse_date(b.day).isoformat()
        agency = Agency.objects.get(code=b.agency) if b.agency else None
        data = {
            "division": ch,
            "venue": venue_pk[b.venue],
            "title": b.title,
            "purpose": b.purpose,
            "applicant_kind": "agency" if b.agency else "public",
            "applicant": b.applicant or agency.name,  # the form asks for one
            "agency": agency.pk if agency else "",
            "contact_name": "王小姐",
            "contact_phone": "02-2720-8889",
            "contact_email": "",
            "starts": f"{iso} {_hm(b.start)}",
            "ends": f"{iso} {_hm(b.end)}",
            "fee": "0",  # computed from the schedule on approval
            "fee_paid_on": "",
            "saving": str(b.saving),
        }
        data |= {k: "on" for k, on in (("stage", b.stage), ("av", b.av)) if on}
        pk = created_pk(ctx.post(CH, "venues:booking_add", data))
        for step in b.steps:
            ctx.post(CH, "venues:booking_transition", {"action": step, "note": ""}, args=[pk])

    counted = [b for b in BOOKINGS if b.steps == APPROVED and in_h1(b.day)]
    group = {name: g for name, g, _r in VENUES}
    figures = {
        ("city_hall.venue_bookings", (("venue", g),)): Decimal(
            sum(1 for b in counted if group[b.venue] == g)
        )
        for g in ("1 樓中庭", "市民廣場", "其他周邊場地")
    }
    return figures | {
        ("city_hall.venue_fees", ()): total(fee(b) for b in counted),
        ("city_hall.stage_setups", ()): Decimal(sum(1 for b in counted if b.stage)),
        ("city_hall.av_loans", ()): Decimal(sum(1 for b in counted if b.av)),
        ("city_hall.stage_savings", ()): total(b.saving for b in counted),
    }


def enter(ctx) -> dict:
    return enter_building(ctx) | enter_venues(ctx)


def check_report(text: str, expected: dict) -> None:
    def v(code, *cell, year=False):
        return expected[(code, tuple(cell), YEAR) if year else (code, tuple(cell))]

    wan, n = formats.format_wan, formats.format_int
    assert f"本期總用水量 {wan(v('energy.water_usage'))} 度" in text
    venue = "city_hall.venue_bookings"
    assert (
        f"本期租借 1 樓中庭 {n(v(venue, ('venue', '1 樓中庭')))} 場次、"
        f"市民廣場 {n(v(venue, ('venue', '市民廣場')))} 場次，"
        f"其他周邊場地 {n(v(venue, ('venue', '其他周邊場地')))} 場次，"
        f"共收費 {wan(v('city_hall.venue_fees'))} 元"
    ) in text
    assert (
        f"本期搭設活動式舞臺 {n(v('city_hall.stage_setups'))} 場次，"
        f"提供燈光音響設備 {n(v('city_hall.av_loans'))} 場次，"
        f"節省公帑約 {wan(v('city_hall.stage_savings'))} 元"
    ) in text
    when = [f"{compact_range(parse_date(c[1]), parse_date(c[2]))}止" for c in CALLS if in_h1(c[2])]
    assert (
        f"「市府生活廣場」109 年上半年度 {n(v('city_hall.market_stalls'))} 個臨時攤位招商作業，"
        f"共 {n(v('city_hall.market_vendors'))} 家廠商合格，展期自 {when[0]}"
    ) in text
    assert all(w in text for w in when)
    assert f"電力主機房內 {n(v('city_hall.air_breakers_replaced'))} 台空氣斷路器更新" in text
    done = sorted((e for e in EMS if e[3] and in_year(e[3])), key=lambda e: parse_date(e[3]))
    ems = [e[1] for e in done]
    assert (
        f"109 年度建置完成{'、'.join(ems)} {n(v('energy.ems_buildings', year=True))} 棟機關大樓"
    ) in text
    assert f"本期辦理 {n(v('city_hall.signage_requests'))} 件" in text
    assert f"約可節省用電量約 {wan(v('energy.led_saving_kwh'))} 度" in text
    progress = formats.format_percent(v("city_hall.south_ac_progress", year=True), strip=True)
    saving = n(v("energy.south_ac_saving_kwh", year=True))
    assert f"109 年已完成約 {progress}工程進度，節電效益約 {saving} 度" in text
    assert f"上半年使用量 {n(v('energy.rainwater_tonnes'))} 噸" in text
    section = text[text.index("市政大樓場地租借及管理") : text.index("提升市政大樓安全維護")]
    assert "108 年" not in section and "下半年" not in section, section
