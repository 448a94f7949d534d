"""Demo records of the building that reproduce the seed report's figures for 108H2 (and 107H2
where the seed compares): electricity and water readings (總務組's meters), rainwater reuse,
the tracked building projects, inspections, trainings, and 公管中心's building work: the
市府生活廣場 stall call (28 stalls, 456 qualified vendors), 20 air circuit breakers replaced,
56 e-signage requests in 108H2; the south air-conditioning renewal at 42% with 106,529 kWh
saved in 108; LED tubes saving 338,205 kWh a year; 8 EMS buildings in 108; the staff survey
(443 of 500 satisfied: 88.6%) and the upkeep budget executed at 99.06%.

`load()` is idempotent: records are found by a natural key and saved only when they
differ from the demo's.
"""

import datetime
from decimal import Decimal

from mishu.core.models import Agency, Division

from .models import (
    BuildingProject,
    EmsInstallation,
    EnergyProject,
    EquipmentReplacement,
    MaintenanceTask,
    Meter,
    MeterReading,
    ProjectProgress,
    SafetyTraining,
    SatisfactionSurvey,
    SignageRequest,
    StallApplication,
    StallCall,
    SurveyResponse,
    UpkeepBudget,
)
from .models.upkeep import ReportedProject

D = datetime.date

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

STALL_CALL = ("108 年下半年度市府生活廣場臨時攤位招商", D(2019, 5, 1), D(2019, 10, 31), 28)
STALL_VENDORS = 456  # all qualified after review

# (equipment, description, location, quantity, completed on, project title)
REPLACEMENTS = [
    ("air_breaker", "空氣斷路器更新（第 1 批）", "電力主機房", 12, D(2019, 9, 20), "市政大樓空氣斷路器更新(106-108 年)"),
    ("air_breaker", "空氣斷路器更新（第 2 批）", "電力主機房", 8, D(2019, 10, 4), "市政大樓空氣斷路器更新(106-108 年)"),
    ("ups", "不斷電系統設備(UPS)更新", "10 樓西南區", 1, D(2019, 11, 20), "市政大樓不斷電系統設備更新(106-108 年)"),
]  # fmt: skip
SIGNAGE_REQUESTS = 56  # received in 108H2, spread over July–December
SIGNAGE_AGENCIES = ["health", "fire", "sports", "cultural-affairs", "environmental-protection"]

SOUTH_AC = "南區空調箱及冰水管路更新(107-109 年)"
# (as of, progress %, kWh saved since the previous report): 108's savings add up to 106,529
SOUTH_AC_REPORTS = [
    (D(2018, 12, 28), 5, 0),
    (D(2019, 3, 29), 12, 12416),
    (D(2019, 6, 28), 21, 23875),
    (D(2019, 9, 30), 33, 31902),
    (D(2019, 12, 20), 42, 38336),
]
LED = ("市政大樓 4 樓以下辦公區域 T5 螢光燈管汰換為 T5 LED 燈管", D(2019, 11, 29), 338205)

# (building, agency code, completed on): the smart grid plan's 108 buildings
EMS = [
    ("北市聯醫松德院區", "health", D(2019, 4, 26)),
    ("應變中心", "fire", D(2019, 5, 24)),
    ("大安地政", "land-administration", D(2019, 6, 21)),
    ("消防局", "fire", D(2019, 7, 26)),
    ("體育局", "sports", D(2019, 8, 23)),
    ("警察局松山分局", "police", D(2019, 9, 20)),
    ("文化局藝文推廣處", "cultural-affairs", D(2019, 10, 18)),
    ("松山區公所", "civil-affairs", D(2019, 11, 15)),
]

SURVEY = ("108 年員工對市政大樓服務設施滿意度問卷調查", D(2019, 9, 2), D(2019, 9, 30))
# responses per score (1–5): 4 and 5 are satisfied, 443 of 500 valid responses (88.6%)
SCORES = {5: 201, 4: 242, 3: 45, 2: 9, 1: 3}

# 108 repair and upkeep budget lines (budget, executed): 12,382,500 / 12,500,000 = 99.06%
UPKEEP = [
    ("建築物及附屬設施修繕", 4200000, 4168300),
    ("機電設備養護", 5100000, 5062400),
    ("消防及安全設備養護", 1800000, 1771800),
    ("升降設備及洗窗機養護", 1400000, 1380000),
]


def _d(text):
    return datetime.date.fromisoformat(text) if text else None


def _put(model, lookup: dict, values: dict):
    """Create the record, or update it when it differs from `values` (saved one by one, so the
    change log sees each write)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    if any(getattr(obj, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(obj, k, v)
        obj.save()
    return obj


def _put_many(model, parent: dict, key: str, rows: dict):
    """`rows` maps a key value to the values of the parent's part with that key."""
    existing = {getattr(o, key): o for o in model.objects.filter(**parent)}
    for k, values in rows.items():
        obj = existing.get(k)
        if obj is None:
            model.objects.create(**parent, **{key: k}, **values)
        elif any(getattr(obj, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(obj, f, v)
            obj.save()


def _market(city_hall):
    title, opens, closes, stalls = STALL_CALL
    call = _put(
        StallCall,
        {"division": city_hall, "title": title},
        {"opens_on": opens, "closes_on": closes, "stalls": stalls},
    )
    rows = {
        f"示範廠商 {i + 1:03d}": {
            "division": city_hall,
            "applied_on": D(2019, 3, 1) + datetime.timedelta(days=i % 45),
            "qualified": True,
        }
        for i in range(STALL_VENDORS)
    }
    _put_many(StallApplication, {"call": call}, "vendor", rows)


def _equipment(city_hall):
    projects = dict(BuildingProject.objects.filter(division=city_hall).values_list("title", "pk"))
    for equipment, description, location, quantity, done, project in REPLACEMENTS:
        _put(
            EquipmentReplacement,
            {"division": city_hall, "description": description, "location": location},
            {
                "equipment": equipment,
                "quantity": quantity,
                "completed_on": done,
                "project_id": projects.get(project),
            },
        )


def _signage(city_hall):
    agencies = {a.code: a for a in Agency.objects.filter(code__in=SIGNAGE_AGENCIES)}
    agencies = [agencies[c] for c in SIGNAGE_AGENCIES if c in agencies]
    for i in range(SIGNAGE_REQUESTS):
        received = D(2019, 7, 1) + datetime.timedelta(days=3 * i)
        shows = received + datetime.timedelta(days=3)
        _put(
            SignageRequest,
            {"division": city_hall, "subject": f"示範宣導訊息 {i + 1:03d}"},
            {
                "agency": agencies[i % len(agencies)],
                "received_on": received,
                "shows_from": shows,
                "shows_until": shows + datetime.timedelta(days=13),
            },
        )


def _energy(city_hall):
    project = BuildingProject.objects.filter(division=city_hall, title=SOUTH_AC).first()
    if project is not None:
        if project.reported_as != ReportedProject.SOUTH_AC:
            project.reported_as = ReportedProject.SOUTH_AC
            project.save()
        rows = {
            day: {"division": city_hall, "percent": Decimal(p), "saving_kwh": Decimal(kwh)}
            for day, p, kwh in SOUTH_AC_REPORTS
        }
        _put_many(ProjectProgress, {"project": project}, "reported_on", rows)
    title, done, kwh = LED
    _put(
        EnergyProject,
        {"division": city_hall, "title": title},
        {
            "measure": "lighting",
            "year": done.year,
            "completed_on": done,
            "progress": Decimal(1),
            "yearly_saving_kwh": Decimal(kwh),
        },
    )
    agencies = {a.code: a for a in Agency.objects.all()}
    for building, agency, done in EMS:
        _put(
            EmsInstallation,
            {"division": city_hall, "building": building},
            {"agency": agencies.get(agency), "completed_on": done},
        )


def _survey(city_hall):
    title, opens, closes = SURVEY
    survey = _put(
        SatisfactionSurvey,
        {"division": city_hall, "title": title},
        {"opens_on": opens, "closes_on": closes, "satisfied_from": 4},
    )
    scores = [s for s, n in SCORES.items() for _ in range(n)]
    rows = {i + 1: {"division": city_hall, "score": s} for i, s in enumerate(scores)}
    _put_many(SurveyResponse, {"survey": survey}, "number", rows)


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
    _market(city_hall)
    _equipment(city_hall)
    _signage(city_hall)
    _energy(city_hall)
    _survey(city_hall)
    for title, budget, executed in UPKEEP:
        _put(
            UpkeepBudget,
            {"division": city_hall, "year": 2019, "title": title},
            {"budget": Decimal(budget), "executed": Decimal(executed)},
        )
