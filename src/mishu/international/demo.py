"""Demo records of 國際事務組 that reproduce the seed's 壹三 (108H2, and year 108 for the
grants): 28 delegations of 366 persons with the four the report names, the ten trips abroad,
the 布拉格 and 利馬 agreements, the committee meetings, courses and forum with attendance, and
45 grant applications (39 approved, 1 by special memo, 193 萬餘元 paid).

Where the seed gives no detail (the 24 delegations it does not name, the applicants, budgets,
amounts), the values are invented and marked 示範. `load()` is idempotent."""

import datetime
from decimal import Decimal

from mishu.core.models import Division

from . import services
from .choices import CityKind, MeetingKind, Stage
from .models import (
    AgreementStage,
    Attendance,
    Delegation,
    GrantApplication,
    Meeting,
    SisterCity,
    Trip,
)

D = datetime.date

# (start, end, leader, led, destinations, purpose)
TRIPS = [
    (
        D(2019, 7, 2),
        D(2019, 7, 5),
        "柯市長文哲",
        True,
        "大陸上海市",
        "出席「2019 臺北上海城市論壇」及市政參訪",
    ),
    (
        D(2019, 7, 6),
        D(2019, 7, 12),
        "李副秘書長得全",
        True,
        "澳洲布里斯本",
        "出席「2019 亞太城市高峰會」，順赴黃金海岸市訪問",
    ),
    (
        D(2019, 7, 9),
        D(2019, 7, 21),
        "鄧前副市長家基",
        True,
        "哥倫比亞",
        "出席「世界城市高峰會(WCS)」，順訪波哥大、貝里斯及出席「美國休士頓國際姊妹市協會年會」",
    ),
    (
        D(2019, 7, 30),
        D(2019, 8, 10),
        "張前秘書長哲揚與臺北市議會訪團",
        False,
        "土耳其、以色列",
        "進行市政參訪",
    ),
    (
        D(2019, 9, 4),
        D(2019, 9, 7),
        "楊參事慶輝",
        False,
        "菲律賓馬卡蒂",
        "出席「城市與地方政府聯盟亞太分會(UCLG ASPAC)理事會暨災害危機之降低與管理論壇」",
    ),
    (D(2019, 10, 15), D(2019, 10, 17), "蔡副市長炳坤", True, "", "出席「東亞和平與均衡發展論壇」"),
    (
        D(2019, 11, 5),
        D(2019, 11, 9),
        "楊參事慶輝",
        False,
        "尼泊爾",
        "出席「第 38 屆城市網(CityNet)執委會暨國際論壇」",
    ),
    (
        D(2019, 11, 11),
        D(2019, 11, 15),
        "楊參事慶輝",
        False,
        "南非德班",
        "出席「第 6 屆城市與地方政府聯盟(UCLG)大會」",
    ),
    (
        D(2019, 11, 16),
        D(2019, 11, 18),
        "黃副市長珊珊",
        False,
        "上海市",
        "出席「2019 上海國際馬拉松」活動及市政參訪",
    ),
    (
        D(2019, 11, 19),
        D(2019, 11, 24),
        "本府發言人兼國際事務委員會周副主任委員台竹",
        False,
        "西班牙畢爾包",
        "出席「繁榮與包容城市獎頒獎典禮」",
    ),
]

# The four delegations the report names: (date, country, city, organisation, title, leader,
# name, size); dates and sizes are demo values.
NAMED = [
    (D(2019, 7, 24), "日本", "", "交流協會", "會長", "大橋光夫", "", 6),
    (D(2019, 9, 17), "美國", "", "", "", "", "大達拉斯地區經濟發展訪問團", 15),
    (D(2019, 10, 21), "美國", "鳳凰城", "", "市長", "Kate Gallego", "", 8),
    (D(2019, 10, 22), "美國", "", "", "", "", "鳳凰城僑團", 30),
]
OTHER_ORIGINS = [
    ("日本", "東京都"),
    ("韓國", "首爾"),
    ("德國", "柏林"),
    ("法國", "巴黎"),
    ("新加坡", ""),
    ("大陸", "上海市"),
    ("捷克", "布拉格"),
    ("荷蘭", "阿姆斯特丹"),
]

# (kind, start, end, title, summary)
MEETINGS = [
    (
        MeetingKind.REVIEW,
        D(2019, 1, 10),
        None,
        "本處「協助社會團體及各級學校辦理或參加國際性會議活動」第 1 期審查會",
        "",
    ),
    (
        MeetingKind.REVIEW,
        D(2019, 6, 26),
        None,
        "本處「協助社會團體及各級學校辦理或參加國際性會議活動」第 2 期審查會",
        "",
    ),
    (
        MeetingKind.FORUM,
        D(2019, 7, 3),
        D(2019, 7, 5),
        "柯市長文哲率本府參訪團赴上海出席「2019 臺北上海城市論壇」",
        "本次主題為「創新、合作、未來」，並舉辦「醫療科技發展」、「生物科技產業交流」、「青創與智慧城市」、「文化」4 個分論壇，共簽署智慧城市、區政交流及電子競技運動等 3 項合作備忘錄；另訪團赴昆山市參訪臺商學校、醫院、臺灣人建立的廟宇及拜會昆山市台商協會",
    ),
    (
        MeetingKind.COMMITTEE,
        D(2019, 7, 30),
        None,
        "本府國際事務委員會年度第 2 次會議",
        "會中進行本季工作成果報告及 2 項專案報告",
    ),
    (
        MeetingKind.TRAINING,
        D(2019, 8, 28),
        None,
        "本年度第 2 梯次國際事務研習班",
        "主題為「外交關你什麼事？」。此次課程邀請本府發言人兼國際事務委員會周副主任委員台竹分享國際與外交情勢；另安排荷蘭紀駐台代表維德分享臺荷關係、永續發展與循環建築等議題",
    ),
    (
        MeetingKind.COMMITTEE,
        D(2019, 10, 4),
        None,
        "本府國際事務委員會第 3 次會議",
        "會中進行本季工作成果報告及專案報告「2019 東京馬拉松暨東京奧運籌備觀摩報告」及討論案「如何加強臺北市的國際化」",
    ),
    (
        MeetingKind.TRAINING,
        D(2019, 10, 7),
        None,
        "本府年度第 2 期大陸事務及兩岸交流實務研習班（配合公訓處辦理）",
        "邀請本府發言人兼國際事務委員會周副主任委員台竹講述「兩岸是敵對關係嗎？」及東旺文化傳媒公司蔡總經理曜謙以自身經驗分享「台青在大陸創業的經驗談」",
    ),
    (
        MeetingKind.MAINLAND,
        D(2019, 10, 18),
        None,
        "本府第 2 次大陸小組會議",
        "會中報告 108 年下半年本府大陸事務工作及重要交流活動、2019 年雙城論壇後續執行規劃等事項，出席委員亦針對本府大陸事務提出建言",
    ),
    (
        MeetingKind.COMMITTEE,
        D(2019, 12, 12),
        None,
        "本府國際事務委員會第 4 次會議暨年終感謝餐會",
        "除邀請本府國際事務委員會委員參與外，會中由觀傳局簡報「2020 年臺北燈節」相關規劃",
    ),
]
YEAR_END_TITLE = "本府國際事務委員會第 4 次會議暨年終感謝餐會"

# (city, country, kind, [(stage, date, month_only)])
CITIES = [
    (
        "捷克布拉格",
        "捷克",
        CityKind.SISTER,
        [
            (Stage.COUNCIL_APPROVED, D(2019, 12, 24), False),
            (Stage.EY_SUBMITTED, D(2019, 12, 31), True),
            (Stage.SIGNED, D(2020, 1, 13), False),
        ],
    ),
    (
        "秘魯首都利馬",
        "秘魯",
        CityKind.FRIENDSHIP,
        [
            (Stage.COUNCIL_SUBMITTED, D(2019, 12, 1), True),
            (Stage.COUNCIL_APPROVED, D(2020, 1, 2), False),
        ],
    ),
    ("美國鳳凰城", "美國", CityKind.SISTER, []),
]


def _division():
    return Division.objects.get(code="international")


def _trips(div):
    for start, end, leader, led, where, purpose in TRIPS:
        Trip.objects.update_or_create(
            division=div,
            start_date=start,
            leader=leader,
            defaults={
                "end_date": end,
                "led_delegation": led,
                "destinations": where,
                "purpose": purpose,
                "budget": Decimal(150000),
                # the last trip's report is still owed: the overdue list shows it
                "report_submitted_on": None
                if start == D(2019, 11, 19)
                else end + datetime.timedelta(days=30),
            },
        )


def _cities(div):
    cities = {}
    for name, country, kind, stages in CITIES:
        city, _ = SisterCity.objects.get_or_create(
            division=div, name=name, defaults={"country": country, "kind": kind}
        )
        cities[name] = city
        for stage, day, month_only in stages:
            AgreementStage.objects.update_or_create(
                division=div,
                city=city,
                stage=stage,
                defaults={"date": day, "month_only": month_only},
            )
    return cities


def _delegations(div, cities):
    phoenix = cities["美國鳳凰城"]
    for day, country, city, org, title, leader, name, size in NAMED:
        Delegation.objects.update_or_create(
            division=div,
            received_on=day,
            country=country,
            leader=leader,
            name=name,
            defaults={
                "city": city,
                "organisation": org,
                "leader_title": title,
                "size": size,
                "named_in_report": True,
                "received_by": "國際事務組",
                "programme": "拜會市長、市政參訪與交流",
                "sister_city": phoenix if "鳳凰城" in (city + name) else None,
            },
        )
    # 24 more, 307 persons: 19 of 13 and 5 of 12 (28 團、366 人 with the named four)
    for i in range(24):
        country, city = OTHER_ORIGINS[i % len(OTHER_ORIGINS)]
        Delegation.objects.update_or_create(
            division=div,
            received_on=D(2019, 7 + i // 4, 3 + (i % 4) * 6),
            name=f"{city or country}示範交流訪問團（{i + 1}）",
            defaults={
                "country": country,
                "city": city,
                "size": 13 if i < 19 else 12,
                "received_by": "國際事務組",
            },
        )


def _meetings(div):
    meetings = {}
    for kind, start, end, title, summary in MEETINGS:
        meeting, _ = Meeting.objects.update_or_create(
            division=div,
            kind=kind,
            start_date=start,
            title=title,
            defaults={"end_date": end, "summary": summary},
        )
        meetings[title] = meeting
    year_end = meetings[YEAR_END_TITLE]
    if not year_end.attendance.exists():
        # 98 guests: 43 representatives of 36 foreign missions (7 sent two), 55 others
        rows = [
            Attendance(division=div, meeting=year_end, unit="本府國際事務委員會委員", persons=30),
            Attendance(division=div, meeting=year_end, unit="本府各機關", persons=25),
        ]
        rows += [
            Attendance(
                division=div,
                meeting=year_end,
                unit=f"示範駐華單位（{i + 1}）",
                persons=2 if i < 7 else 1,
                foreign_mission=True,
            )
            for i in range(36)
        ]
        for row in rows:
            row.save()
    return meetings


def _grants(div, meetings):
    if GrantApplication.objects.filter(division=div, applicant__startswith="示範").exists():
        return
    rounds = [meetings[t] for _k, _s, _e, t, _m in MEETINGS if _k == MeetingKind.REVIEW]
    # round 1: 22 applications, 19 approved; round 2: 22, 20 approved; 39 × 48,000 paid
    for r, (meeting, approved) in enumerate(zip(rounds, (19, 20), strict=True)):
        for i in range(22):
            applied = meeting.start_date - datetime.timedelta(days=8 - i % 5)
            app = GrantApplication.objects.create(
                division=div,
                applicant=f"示範社團（第 {r + 1} 期 {i + 1}）",
                event_title=f"示範國際研討會（第 {r + 1} 期 {i + 1}）",
                applied_on=applied,
                requested_amount=Decimal(60000),
            )
            if i < approved:
                services.transition(
                    app,
                    "approve",
                    None,
                    review_meeting=meeting,
                    decided_on=meeting.start_date,
                    approved_amount=Decimal(48000),
                )
                services.transition(
                    app,
                    "pay",
                    None,
                    paid_on=meeting.start_date + datetime.timedelta(days=60 + i),
                    paid_amount=Decimal(48000),
                )
            else:
                services.transition(app, "reject", None, decided_on=meeting.start_date)
    special = GrantApplication.objects.create(
        division=div,
        applicant="示範社團（專案）",
        event_title="示範國際體育賽事（專案簽准）",
        applied_on=D(2019, 8, 15),
        requested_amount=Decimal(80000),
    )
    services.transition(
        special,
        "special",
        None,
        memo_number="示範簽 1080830",
        decided_on=D(2019, 8, 30),
        approved_amount=Decimal(63642),
    )
    services.transition(special, "pay", None, paid_on=D(2019, 10, 15), paid_amount=Decimal(63642))


def load() -> None:
    """Create or update the demo records."""
    div = _division()
    _trips(div)
    cities = _cities(div)
    _delegations(div, cities)
    _grants(div, _meetings(div))
