"""Staff pages, API endpoints, history and the KPI dashboard of the building work records."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from mishu.building import demo
from mishu.building.models import SatisfactionSurvey, StallCall, UpkeepBudget
from mishu.building.registry import CRUDS, MENU
from mishu.core.audit import is_audited
from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry

# the building work records (models/building.py): stall calls, signage, surveys, upkeep budget ...
WORK_CRUDS = [c for c in CRUDS if c.model.__module__.endswith("models.building")]

pytestmark = pytest.mark.django_db

H2, YEAR = Period.parse("108H2"), Period.parse("108")
D = datetime.date


def value(code, period=H2):
    return registry.value(code, period)


@pytest.fixture
def city_hall():
    return division("city-hall")


def test_pages_api_and_history(make_user, client_for, api_for, city_hall):
    user = make_user("city-hall", ["clerk"])
    client = client_for(user)
    home = client.get("/").content.decode()
    for model in MENU:
        assert reverse(f"building:{model._meta.model_name}_list") in home
    for crud in WORK_CRUDS:
        assert is_audited(crud.model), crud.name
        for suffix in ("list", "add"):
            url = reverse(f"building:{crud.name}_{suffix}")
            assert client.get(url).status_code == 200, url
    # a survey's page adds up its responses
    survey = SatisfactionSurvey.objects.create(
        division=city_hall, title="滿意度", opens_on=D(2019, 9, 1), closes_on=D(2019, 9, 30)
    )
    api = api_for(user)
    url = "/api/building/surveyresponses/"
    for n, score in enumerate([5, 4, 1]):
        r = api.post(
            url, {"division": city_hall.pk, "survey": survey.pk, "number": n + 1, "score": score}
        )
        assert r.status_code == 201, r.content
    assert value("city_hall.facility_satisfaction", YEAR) == Decimal("0.6667")
    again = {"division": city_hall.pk, "survey": survey.pk, "number": 1, "score": 1}
    r = api.post(url, again, HTTP_ACCEPT_LANGUAGE="zh-hant")
    assert r.status_code == 400 and "問卷編號已登錄" in str(r.json())
    page = client.get(reverse("building:satisfactionsurvey_detail", args=[survey.pk]))
    assert "66.67%" in page.content.decode()
    add = client.get(reverse("building:surveyresponse_add"), {"survey": survey.pk})
    assert f'value="{survey.pk}" selected' in add.content.decode()
    assert f">{survey}</option>" in add.content.decode()
    # bad input through the API: refused with the model's message, nothing written
    r = api.post(
        "/api/building/upkeepbudgets/",
        {"division": city_hall.pk, "year": 2019, "title": "t", "budget": 10, "executed": 20},
        HTTP_ACCEPT_LANGUAGE="zh-hant",
    )
    assert r.status_code == 400 and "執行數不得超過預算數" in r.json()["executed"][0]
    assert not UpkeepBudget.objects.exists()
    # through the staff form: saved, attributable, shown in the history
    r = client.post(
        reverse("building:stallcall_add"),
        {
            "division": city_hall.pk,
            "title": "招商",
            "place": "市府生活廣場",
            "opens_on": "108/5/1",
            "closes_on": "108/10/31",
            "stalls": "28",
        },
    )
    call = StallCall.objects.get()
    assert r.status_code == 302 and call.closes_on == D(2019, 10, 31)
    assert value("city_hall.market_stalls") == 28
    history = client.get(reverse("building:stallcall_history", args=[call.pk]))
    assert history.status_code == 200 and "28" in history.content.decode()
    detail = client.get(reverse("building:stallcall_detail", args=[call.pk]))
    assert detail.status_code == 200
    # another division neither sees nor counts them
    outsider = make_user("media", ["clerk"])
    assert registry.value("city_hall.market_stalls", H2, outsider) is None
    client.force_login(outsider)
    assert client.get(reverse("building:stallcall_detail", args=[call.pk])).status_code == 404
    # nor may attach a response to a survey it cannot see
    add = client.get(reverse("building:surveyresponse_add")).content.decode()
    assert f">{survey}</option>" not in add


def test_kpi_dashboard_shows_the_computed_ratios(make_user, client_for):
    from mishu.indicators import demo as indicators_demo
    from mishu.kpis import demo as kpis_demo

    demo.load()
    indicators_demo.load()
    kpis_demo.load()
    for user in (make_user("city-hall", ["clerk"]), make_user("documents", ["evaluator"])):
        page = client_for(user).get(reverse("kpis:dashboard"), {"period": "108"})
        text = page.content.decode()
        assert page.status_code == 200
        assert "88.60%" in text and "99.06%" in text, user.division


def test_every_demo_record_page_and_endpoint(make_user, client_for, api_for):
    demo.load()
    user = make_user("city-hall", ["clerk"])
    client, api = client_for(user), api_for(user)
    for crud in WORK_CRUDS:
        obj = crud.model.objects.first()
        for suffix in ("detail", "edit", "history"):
            url = reverse(f"building:{crud.name}_{suffix}", args=[obj.pk])
            assert client.get(url).status_code == 200, url
        listing = client.get(reverse(f"building:{crud.name}_list"), {"period": "108"})
        assert listing.status_code == 200
        r = api.get(f"/api/building/{crud.name}s/", {"period": "108H2"})
        assert r.status_code == 200, crud.name
    call = StallCall.objects.get()
    page = client.get(reverse("building:stallcall_detail", args=[call.pk])).content.decode()
    assert f"<dd>{demo.STALL_VENDORS}</dd>" in page
