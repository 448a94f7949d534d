"""Importing survey responses and stall applications: all or nothing, each bad row named, the
figures following what was imported."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mishu.building.models import SatisfactionSurvey, StallApplication, StallCall, SurveyResponse
from mishu.core.formats import Period
from mishu.core.history import changes_for
from mishu.core.testing import division
from mishu.indicators import registry

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def clerk(make_user):
    return make_user("city-hall", ["clerk"])


@pytest.fixture
def survey():
    return SatisfactionSurvey.objects.create(
        division=division("city-hall"),
        title="滿意度調查",
        opens_on=D(2019, 9, 1),
        closes_on=D(2019, 9, 30),
    )


@pytest.fixture
def call():
    return StallCall.objects.create(
        division=division("city-hall"),
        title="攤位招商",
        opens_on=D(2019, 5, 1),
        closes_on=D(2019, 10, 31),
        stalls=28,
    )


def upload(client, name, text):
    f = SimpleUploadedFile("r.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse(f"building:{name}_import"), {"file": f})


def test_responses_import_and_the_ratio_follows(client_for, clerk, survey):
    client = client_for(clerk)
    page = client.get(reverse("building:surveyresponse_list")).content.decode()
    assert reverse("building:surveyresponse_import") in page
    template = client.get(reverse("building:surveyresponse_import"), {"template": "csv"})
    assert template.status_code == 200 and b"survey,number,score" in template.content
    rows = "".join(f"滿意度調查,{n},{s}\n" for n, s in enumerate([5, 4, 4, 2, ""], start=1))
    response = upload(client, "surveyresponse", "survey,number,score\n" + rows)
    assert response.status_code == 200
    assert SurveyResponse.objects.count() == 5
    assert registry.value("city_hall.facility_satisfaction", Period.parse("108")) == Decimal("0.75")
    change = changes_for(SurveyResponse.objects.first()).first()
    assert change.user == clerk and change.source == "import"


def test_a_bad_response_row_writes_nothing(client_for, clerk, survey):
    SurveyResponse.objects.create(division=survey.division, survey=survey, number=1, score=5)
    text = (
        "survey,number,score\n"
        "滿意度調查,2,4\n"
        "滿意度調查,1,4\n"  # already recorded
        "滿意度調查,3,9\n"  # no such score
        "沒有這份問卷,4,4\n"
        "滿意度調查,2,3\n"  # twice in the file
        "滿意度調查,x,3\n"
    )
    page = upload(client_for(clerk), "surveyresponse", text).content.decode()
    assert page.count("<tr><td>") == 5
    assert "第 1 號問卷已登錄" in page and "「沒有這份問卷」不存在" in page
    assert SurveyResponse.objects.count() == 1


def test_applications_import(client_for, clerk, call):
    client = client_for(clerk)
    text = (
        "call,vendor,applied_on,qualified,note\n"
        "攤位招商,甲商行,108/3/15,是,\n"
        "攤位招商,乙商行,2019-03-16,否,文件不全\n"
        "攤位招商,丙商行,108/3/17,合格,\n"
    )
    assert upload(client, "stallapplication", text).status_code == 200
    assert StallApplication.objects.filter(qualified=True).count() == 2
    assert registry.value("city_hall.market_vendors", Period.parse("108H2")) == 2
    bad = (
        "call,vendor,applied_on,qualified,note\n"
        "攤位招商,丁商行,108/11/15,是,\n"  # after the exhibition
        "攤位招商,甲商行,108/3/15,是,\n"  # already applied
        "攤位招商,戊商行,108/2/30,是,\n"  # no such day
        "攤位招商,己商行,108/3/1,也許,\n"
    )
    page = upload(client, "stallapplication", bad).content.decode()
    assert page.count("<tr><td>") == 4
    assert StallApplication.objects.count() == 3


def test_another_division_cannot_import_into_the_survey(make_user, client_for, survey):
    client = client_for(make_user("media", ["clerk"]))
    page = upload(client, "surveyresponse", "survey,number,score\n滿意度調查,1,5\n")
    assert page.status_code == 200 and not SurveyResponse.objects.exists()
