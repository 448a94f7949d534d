"""Demo records of 公管中心 that reproduce the seed report's figures for 108H2 (and 107H2 where
the seed compares): venue bookings (66 / 15 / 12, NT$279,500 computed from the fee schedule), stage and AV loans (47, 40,
NT$1,540,000 saved), electricity and water readings, rainwater reuse, building projects.

`load()` is idempotent: every record is found by a natural key and updated in place.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from mishu.core.models import Agency, Division

from . import demo_building
from .models import (
    Booking,
    BuildingProject,
    MaintenanceTask,
    Meter,
    MeterReading,
    SafetyTraining,
    Venue,
    VenueRate,
)
from .models.venues import ApplicantKind, BookingStatus, Purpose, ReportGroup
from .services import fees

H2 = [datetime.date(2019, m, 1) for m in range(7, 13)]

# (name, report group, closed ISO weekdays): the rentable spaces
VENUES = [
    ("1 樓中庭", ReportGroup.ATRIUM, ""),
    ("市民廣場", ReportGroup.PLAZA, ""),
    ("2 樓北區迴廊", ReportGroup.OTHER, "6,7"),
    ("東側廣場", ReportGroup.OTHER, ""),
]
# the fee schedule: (label, fee per session, session hours)
RATES = [("半日（4 小時）", 6500, 4), ("全日（8 小時）", 13000, 8)]
# 108H2 approved bookings per venue. The first 43 are the public's half-day events (09:00-13:00),
# each charged one half-day session by the schedule: 43 × NT$6,500 = NT$279,500. The others are
# city agencies' full-day policy-promotion and charity events, fee-exempt under the schedule.
BOOKINGS = {"1 樓中庭": 66, "市民廣場": 15, "2 樓北區迴廊": 7, "東側廣場": 5}
PAYING = 43
EXEMPT = (Purpose.PROMOTION, Purpose.CHARITY)  # the venues' fee-exempt purposes for agencies
FEE_FIELDS = ("fee", "fee_sessions", "fee_rate", "fee_rate_label", "fee_exempt")
STAGES, AVS = 47, 40  # set up in the atrium; a stage saves 20,000, a sound set 15,000
STAGE_SAVING, AV_SAVING = Decimal(20000), Decimal(15000)

# monthly usage: electricity (度) and water (度) for 107H2 and 108H2, rainwater (t) for 108H2
ELECTRICITY = {
    2018: [2125400, 2164800, 2080600, 1946200, 1739000, 1607200],  # 11,663,200
    2019: [2098300, 2141500, 2064900, 1921800, 1708400, 1584300],  # 11,519,200
}
WATER = {
    2018: [15820, 16104, 15230, 13870, 12640, 12198],  # 85,862
    2019: [15602, 15987, 15011, 13705, 12480, 12190],  # 84,975
}
RAINWATER = [15, 14, 12, 9, 7, 6]  # 63 t

# (title, completed on, accepted on): the year's tracked facility projects
PROJECTS = [
    ("臺北市市政大樓地下 1、2樓公共空間暨附屬服務設施整修工程", "2019-05-21", "2019-07-23"),
    ("臺北市市政大樓中庭、2、3 樓空間活化工程", "2019-09-27", "2019-11-29"),
    ("臺北市市政大樓屋頂綠化改善工程採購案", None, "2019-11-18"),
    ("儲能示範系統", None, "2019-11-18"),
    ("EMS 各機關及雲端建置(107-108 年)", None, "2019-11-20"),
    ("市政大樓空氣斷路器更新(106-108 年)", None, "2019-10-07"),
    ("市政大樓不斷電系統設備更新(106-108 年)", None, "2019-11-27"),
    ("市政大樓照明更新為 LED(107-109 年)", None, "2019-12-02"),
    ("市政大樓消防設備連續 3年更新工程(107-109 年)", None, "2019-11-04"),
    ("南區空調箱及冰水管路更新(107-109 年)", None, "2019-12-23"),
    ("市政大樓停車場優化案", None, "2019-12-03"),
    ("建置影像分析系統", None, "2019-12-31"),
    ("市政大樓加裝隔熱紙", None, "2019-11-14"),
]
TASKS = [
    ("elevator", "電梯定期安全檢查", "2019-08-31", "2019-08-20"),
    ("window_rig", "擦窗機定期檢查", "2019-09-30", "2019-09-12"),
    ("fire", "消防安全設備檢修申報", "2019-11-30", "2019-11-15"),
    ("air", "室內空氣品質定期檢測", "2019-12-31", "2019-12-10"),
    ("electrical", "高低壓機電設備維護大保養", "2019-12-31", "2019-12-28"),
]
# 108 facility management system courses (門禁、停車場、消防、場地、機電): 9 sessions
COURSES = ["門禁", "停車場", "消防", "場地", "機電", "門禁", "消防", "場地", "機電"]


def _d(text):
    return datetime.date.fromisoformat(text) if text else None


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _load_venues(city_hall):
    venues = {}
    for name, group, closed in VENUES:
        venues[name], _ = Venue.objects.update_or_create(
            division=city_hall,
            name=name,
            defaults={
                "report_group": group,
                "closed_weekdays": closed,
                "fee_exempt_purposes": ",".join(EXEMPT),
            },
        )
        for label, amount, hours in RATES:
            VenueRate.objects.update_or_create(
                division=city_hall,
                venue=venues[name],
                label=label,
                defaults={"amount": Decimal(amount), "hours": Decimal(hours)},
            )
    return venues


def _load_bookings(city_hall, venues):
    agencies = list(Agency.objects.order_by("order", "pk")[:10])
    n = 0
    for name, count in BOOKINGS.items():
        for i in range(count):
            # one event every other day from 1 July, from 09:00: no two overlap
            day = datetime.date(2019, 7, 1) + datetime.timedelta(days=2 * i)
            paying = n < PAYING
            atrium = name == "1 樓中庭"
            purposes = ("promotion", "charity", "culture", "education") if paying else EXEMPT
            defaults = {
                "title": f"示範活動 {n + 1:03d}",
                "purpose": purposes[n % len(purposes)],
                "applicant_kind": ApplicantKind.PUBLIC if paying else ApplicantKind.AGENCY,
                "applicant": f"示範團體 {n + 1:03d}" if paying else "",
                "agency": None if paying or not agencies else agencies[n % len(agencies)],
                "ends": _at(day, 13 if paying else 17),
                "status": BookingStatus.APPROVED,
                "fee_paid_on": day - datetime.timedelta(days=7) if paying else None,
                "stage": atrium and i < STAGES,
                "av": atrium and i < AVS,
            }
            if defaults["applicant"] == "":
                defaults["applicant"] = str(defaults["agency"] or "臺北市政府")
            defaults["saving"] = STAGE_SAVING * defaults["stage"] + AV_SAVING * defaults["av"]
            # the fee as approval computes it from the schedule
            booking = Booking(division=city_hall, venue=venues[name], starts=_at(day, 9))
            for field, value in defaults.items():
                setattr(booking, field, value)
            fees.apply(booking)
            for field in FEE_FIELDS:
                defaults[field] = getattr(booking, field)
            Booking.objects.update_or_create(
                division=city_hall, venue=venues[name], starts=_at(day, 9), defaults=defaults
            )
            n += 1
    # a rejected application: it holds nothing and counts in no figure
    Booking.objects.update_or_create(
        division=city_hall,
        venue=venues["市民廣場"],
        starts=_at(datetime.date(2019, 8, 3), 9),
        defaults={
            "title": "示範商業展售（不符用途）",
            "purpose": "culture",
            "applicant": "示範公司",
            "ends": _at(datetime.date(2019, 8, 3), 17),
            "status": BookingStatus.REJECTED,
        },
    )


def _load_readings(division, name, kind, usage_by_year):
    meter, _ = Meter.objects.update_or_create(division=division, name=name, kind=kind)
    total = Decimal(1000000)
    # readings in month order, from a baseline in the June before the first half-year; the
    # first half of each later year reads an even share of that half-year's usage
    baseline = datetime.date(min(usage_by_year), 6, 1)
    MeterReading.objects.update_or_create(
        meter=meter, month=baseline, defaults={"division": division, "reading": total}
    )
    for year in sorted(usage_by_year):
        if year != min(usage_by_year):
            for m in range(1, 7):
                total += Decimal(usage_by_year[year][m - 1])
                _reading(division, meter, datetime.date(year, m, 1), total)
        for m, usage in zip(range(7, 13), usage_by_year[year], strict=True):
            total += Decimal(usage)
            _reading(division, meter, datetime.date(year, m, 1), total)
    return meter


def _reading(division, meter, month, total):
    obj, _ = MeterReading.objects.get_or_create(
        meter=meter, month=month, defaults={"division": division, "reading": total}
    )
    if obj.reading != total or obj.division_id != division.pk:
        obj.reading, obj.division = total, division
        obj.save()


def load() -> None:
    """Create or update the demo records of the building."""
    divisions = {
        d.code: d for d in Division.objects.filter(code__in=["city-hall", "general-affairs"])
    }
    city_hall, general = divisions["city-hall"], divisions["general-affairs"]
    venues = _load_venues(city_hall)
    _load_bookings(city_hall, venues)
    _load_readings(general, "市政大樓總電表", "electricity", ELECTRICITY)
    _load_readings(general, "市政大樓總水表", "water", WATER)
    _load_readings(city_hall, "雨水回收系統", "rainwater", {2019: RAINWATER})
    for title, done, accepted in PROJECTS:
        BuildingProject.objects.update_or_create(
            division=city_hall,
            title=title,
            defaults={
                "completed_on": _d(done),
                "accepted_on": _d(accepted),
                "due_on": datetime.date(2019, 12, 31),
                "listed": True,
            },
        )
    for system, title, due, done in TASKS:
        MaintenanceTask.objects.update_or_create(
            division=city_hall,
            title=title,
            due_on=_d(due),
            defaults={"system": system, "done_on": _d(done)},
        )
    for i, topic in enumerate(COURSES):
        SafetyTraining.objects.update_or_create(
            division=city_hall,
            title=f"服務設施管理系統教育訓練（{topic}）",
            date=datetime.date(2019, 3 + i, 15),
            defaults={"kind": "training", "attendance": 30 + i, "facility_system": True},
        )
    demo_building.load(city_hall)  # stalls, signage, surveys, upkeep budget ...
