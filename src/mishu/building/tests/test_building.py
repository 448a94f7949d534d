"""The building work figures follow 公管中心's records: stall calls, equipment replacements,
e-signage requests, project progress, LED and EMS work, the satisfaction survey, the upkeep
budget; the demo reproduces the seed's figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from mishu.building import demo
from mishu.building.models import (
    BuildingProject,
    EmsInstallation,
    EnergyProject,
    EquipmentReplacement,
    ProjectProgress,
    SatisfactionSurvey,
    SignageRequest,
    StallApplication,
    StallCall,
    SurveyResponse,
    UpkeepBudget,
)
from mishu.core.formats import Period
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.indicators import registry

pytestmark = pytest.mark.django_db

H2, YEAR = Period.parse("108H2"), Period.parse("108")
D = datetime.date
CODES = {
    "city_hall.market_stalls": ("count", "個"),
    "city_hall.market_vendors": ("count", "家"),
    "city_hall.air_breakers_replaced": ("count", "台"),
    "city_hall.signage_requests": ("count", "件"),
    "city_hall.south_ac_progress": ("ratio", "%"),
    "energy.south_ac_saving_kwh": ("amount", "度"),
    "energy.led_saving_kwh": ("amount", "度"),
    "energy.ems_buildings": ("count", "棟"),
    "city_hall.facility_satisfaction": ("ratio", "%"),
    "city_hall.maintenance_execution_ratio": ("ratio", "%"),
}


def value(code, period=H2):
    return registry.value(code, period)


@pytest.fixture
def city_hall():
    return division("city-hall")


def test_declared_as_the_observed_ones_were():
    for code, (kind, unit) in CODES.items():
        d = registry.get(code)
        assert (d.source, d.kind, d.unit, d.division) == ("computed", kind, unit, "city-hall")


def test_demo_reproduces_the_seed_figures():
    demo.load()
    satisfied = sum(n for s, n in demo.SCORES.items() if s >= 4)
    valid = sum(demo.SCORES.values())
    budget = sum(b for _t, b, _e in demo.UPKEEP)
    executed = sum(e for _t, _b, e in demo.UPKEEP)
    expected = {
        ("city_hall.market_stalls", H2): 28,
        ("city_hall.market_vendors", H2): 456,
        ("city_hall.air_breakers_replaced", H2): 20,
        ("city_hall.signage_requests", H2): 56,
        ("city_hall.south_ac_progress", YEAR): Decimal("0.42"),
        ("energy.south_ac_saving_kwh", YEAR): 106529,
        ("energy.led_saving_kwh", H2): 338205,
        ("energy.ems_buildings", YEAR): 8,
        ("city_hall.facility_satisfaction", YEAR): Decimal("0.886"),
        ("city_hall.maintenance_execution_ratio", YEAR): Decimal("0.9906"),
    }
    assert Decimal(satisfied) / valid == Decimal("0.886")
    assert (Decimal(executed) / budget).quantize(Decimal("0.0001")) == Decimal("0.9906")
    counts = {m: m.objects.count() for m in (SurveyResponse, StallApplication, SignageRequest)}
    demo.load()  # idempotent
    assert counts == {m: m.objects.count() for m in counts}
    wrong = [
        f"{code} {period.code}: {value(code, period)} != {v}"
        for (code, period), v in expected.items()
        if value(code, period) != v
    ]
    assert not wrong, "\n".join(wrong)


def test_stall_figures_follow_calls_and_applications(city_hall):
    call = StallCall.objects.create(
        division=city_hall,
        title="招商",
        opens_on=D(2019, 5, 1),
        closes_on=D(2019, 10, 31),
        stalls=28,
    )
    for i, ok in enumerate([True, True, False]):
        StallApplication.objects.create(
            division=city_hall, call=call, vendor=f"廠商{i}", applied_on=D(2019, 4, 1), qualified=ok
        )
    assert (value("city_hall.market_stalls"), value("city_hall.market_vendors")) == (28, 2)
    # counted once, in the half-year its exhibition ends; a half-year without a call is missing
    assert value("city_hall.market_stalls", Period.parse("108H1")) is None
    StallApplication.objects.filter(vendor="廠商2").update(qualified=True)
    call.stalls = 30
    call.save()
    assert (value("city_hall.market_stalls"), value("city_hall.market_vendors")) == (30, 3)
    # the report's sentence takes the exhibition period from the same call
    from mishu.reports.rendering.placeholders import Renderer

    line = "{{ value city_hall.market_stalls format=int }} 個攤位，展期自 {{ list building.stall_calls join=、 }}。"
    assert Renderer(H2).render(line).markdown.strip() == (
        "30 個攤位，展期自 108年5月1日至10月31日止，共 6 個月。"
    )


def test_replacements_signage_and_ems_follow_records(city_hall):
    project = BuildingProject.objects.create(division=city_hall, title="空氣斷路器更新")
    for qty, done, kind in [(12, D(2019, 9, 1), "air_breaker"), (8, D(2019, 10, 1), "air_breaker")]:
        EquipmentReplacement.objects.create(
            division=city_hall,
            equipment=kind,
            description="ACB",
            location="電力主機房",
            quantity=qty,
            completed_on=done,
            project=project,
        )
    EquipmentReplacement.objects.create(
        division=city_hall,
        equipment="ups",
        description="UPS",
        location="10 樓",
        quantity=3,
        completed_on=D(2019, 9, 1),
    )
    assert value("city_hall.air_breakers_replaced") == 12 + 8
    agency = Agency.objects.first()
    for day in (D(2019, 6, 30), D(2019, 7, 1), D(2019, 12, 31)):
        SignageRequest.objects.create(
            division=city_hall,
            agency=agency,
            subject=f"宣導 {day}",
            received_on=day,
            shows_from=day,
            shows_until=day,
        )
    assert value("city_hall.signage_requests") == 2
    EmsInstallation.objects.create(division=city_hall, building="甲", completed_on=D(2019, 3, 1))
    EmsInstallation.objects.create(division=city_hall, building="乙", completed_on=D(2018, 3, 1))
    EmsInstallation.objects.create(division=city_hall, building="丙")  # not finished yet
    assert value("energy.ems_buildings", YEAR) == 1
    EmsInstallation.objects.filter(building="丙").update(completed_on=D(2019, 12, 1))
    assert value("energy.ems_buildings", YEAR) == 2
    # the report names the buildings it counts, from the same records
    from mishu.reports.rendering.placeholders import Renderer

    line = "建置完成{{ list building.ems period=year join=、 }} {{ value energy.ems_buildings period=year format=int }} 棟"
    assert Renderer(YEAR).render(line).markdown.strip() == "建置完成甲、丙 2 棟"


def test_south_ac_and_led_follow_records(city_hall):
    project = BuildingProject.objects.create(
        division=city_hall, title="南區空調", reported_as="south_ac"
    )
    other = BuildingProject.objects.create(division=city_hall, title="別的工程")
    rows = [
        (project, D(2018, 12, 1), 5, 100),
        (project, D(2019, 6, 1), 20, 1000),
        (project, D(2019, 12, 1), 42, 2000),
        (other, D(2019, 12, 2), 90, 500),
    ]
    for p, day, pct, kwh in rows:
        ProjectProgress.objects.create(
            division=city_hall, project=p, reported_on=day, percent=pct, saving_kwh=kwh
        )
    assert value("city_hall.south_ac_progress", YEAR) == Decimal("0.42")
    assert value("energy.south_ac_saving_kwh", YEAR) == 1000 + 2000
    assert value("city_hall.south_ac_progress", Period.parse("108H1")) == Decimal("0.2")
    assert value("city_hall.south_ac_progress", Period.parse("106")) is None
    EnergyProject.objects.create(
        division=city_hall,
        title="LED",
        measure="lighting",
        year=2019,
        completed_on=D(2019, 11, 1),
        yearly_saving_kwh=338205,
    )
    EnergyProject.objects.create(
        division=city_hall,
        title="隔熱紙",
        year=2019,
        completed_on=D(2019, 11, 1),
        yearly_saving_kwh=5000,
    )
    EnergyProject.objects.create(
        division=city_hall, title="LED 二期", measure="lighting", year=2020, yearly_saving_kwh=9
    )  # not completed: no saving yet
    assert value("energy.led_saving_kwh") == 338205


def test_satisfaction_and_budget_follow_records(city_hall):
    survey = SatisfactionSurvey.objects.create(
        division=city_hall, title="滿意度", opens_on=D(2019, 9, 1), closes_on=D(2019, 9, 30)
    )
    scores = [5, 4, 4, 3, 2, None]  # the blank one is not a valid response
    for i, s in enumerate(scores):
        SurveyResponse.objects.create(division=city_hall, survey=survey, number=i + 1, score=s)
    assert value("city_hall.facility_satisfaction", YEAR) == Decimal(3) / 5
    survey.satisfied_from = 3
    survey.save()
    assert value("city_hall.facility_satisfaction", YEAR) == Decimal(4) / 5
    assert value("city_hall.maintenance_execution_ratio", YEAR) is None
    line = UpkeepBudget.objects.create(
        division=city_hall, year=2019, title="機電", budget=800, executed=700
    )
    UpkeepBudget.objects.create(
        division=city_hall, year=2019, title="修繕", budget=200, executed=200
    )
    UpkeepBudget.objects.create(division=city_hall, year=2018, title="修繕", budget=100, executed=1)
    assert value("city_hall.maintenance_execution_ratio", YEAR) == Decimal(900) / 1000
    line.executed = 790
    line.save()
    assert value("city_hall.maintenance_execution_ratio", YEAR) == Decimal(990) / 1000


def refused(obj, field):
    with translation.override("zh-hant"):
        with pytest.raises(ValidationError) as exc:
            obj.full_clean()
        messages = exc.value.message_dict[field]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in messages), messages
    return messages


def test_bad_input_refused_in_chinese(city_hall):
    call = StallCall(
        division=city_hall, title="x", opens_on=D(2019, 5, 1), closes_on=D(2019, 4, 1), stalls=0
    )
    refused(call, "closes_on")
    refused(call, "stalls")
    call.closes_on, call.stalls = D(2019, 10, 31), 28
    call.save()
    late = StallApplication(division=city_hall, call=call, vendor="v", applied_on=D(2019, 11, 1))
    refused(late, "applied_on")
    other = StallApplication(
        division=division("media"), call=call, vendor="v", applied_on=D(2019, 4, 1)
    )
    refused(other, "call")
    refused(
        EquipmentReplacement(
            division=city_hall,
            equipment="ups",
            description="x",
            location="y",
            quantity=0,
            completed_on=D(2019, 1, 1),
        ),
        "quantity",
    )
    agency = Agency.objects.first()
    refused(
        SignageRequest(
            division=city_hall,
            agency=agency,
            subject="x",
            received_on=D(2019, 7, 5),
            shows_from=D(2019, 7, 1),
            shows_until=D(2019, 7, 9),
        ),
        "shows_from",
    )
    refused(
        SignageRequest(
            division=city_hall,
            agency=agency,
            subject="x",
            received_on=D(2019, 7, 1),
            shows_from=D(2019, 7, 5),
            shows_until=D(2019, 7, 4),
        ),
        "shows_until",
    )
    project = BuildingProject.objects.create(division=city_hall, title="p", reported_as="south_ac")
    refused(
        ProjectProgress(
            division=city_hall, project=project, reported_on=D(2019, 1, 1), percent=101
        ),
        "percent",
    )
    ProjectProgress.objects.create(
        division=city_hall, project=project, reported_on=D(2019, 6, 1), percent=40
    )
    back = refused(
        ProjectProgress(division=city_hall, project=project, reported_on=D(2019, 9, 1), percent=30),
        "percent",
    )
    assert "40" in back[0] and "108 年 6 月 1 日" in back[0]
    ahead = ProjectProgress(
        division=city_hall, project=project, reported_on=D(2019, 3, 1), percent=50
    )
    assert "40" in refused(ahead, "percent")[0]
    refused(BuildingProject(division=city_hall, title="q", reported_as="south_ac"), "__all__")
    survey = SatisfactionSurvey(
        division=city_hall,
        title="s",
        opens_on=D(2019, 9, 2),
        closes_on=D(2019, 9, 1),
        satisfied_from=6,
    )
    refused(survey, "closes_on")
    refused(survey, "satisfied_from")
    refused(
        UpkeepBudget(division=city_hall, year=2019, title="t", budget=100, executed=101), "executed"
    )
    refused(UpkeepBudget(division=city_hall, year=2019, title="t", budget=-1, executed=0), "budget")
    refused(
        EmsInstallation(
            division=city_hall, building="b", started_on=D(2019, 5, 1), completed_on=D(2019, 4, 1)
        ),
        "completed_on",
    )
