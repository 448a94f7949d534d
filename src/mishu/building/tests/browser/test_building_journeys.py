"""A 公管中心 clerk records a satisfaction survey and its responses, and a stall call."""

from decimal import Decimal

import pytest

from mishu.building.models import SatisfactionSurvey, StallCall, SurveyResponse
from mishu.core.formats import Period
from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.indicators import registry

pytestmark = pytest.mark.browser


def submit(page):
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_clerk_records_a_survey_and_its_responses(page, make_user):
    force_login(page, make_user("city-hall", ["clerk"]))
    page.goto("/building/satisfactionsurveys/add/")
    assert_accessible(page)
    page.fill("#id_title", "108 年服務設施滿意度調查")
    page.fill("#id_opens_on", "108/9/2")
    page.fill("#id_closes_on", "108/8/30")  # closes before it opens: refused, in Chinese
    submit(page)
    assert "調查結束日不得早於調查開始日" in page.inner_text("main")
    assert not SatisfactionSurvey.objects.exists()
    page.fill("#id_closes_on", "108/9/30")
    submit(page)
    survey = SatisfactionSurvey.objects.get()
    assert page.url.endswith(survey.get_absolute_url())
    for number, score in ((1, "5"), (2, "4"), (3, "2")):
        page.get_by_role("link", name="新增問卷回覆").click()
        page.wait_for_load_state()
        assert page.input_value("#id_survey") == str(survey.pk)  # from the survey's page
        page.fill("#id_number", str(number))
        page.select_option("#id_score", score)
        submit(page)
        page.goto(survey.get_absolute_url())
    assert SurveyResponse.objects.count() == 3
    text = page.inner_text("main")
    assert "66.67%" in text
    assert_accessible(page)
    ratio = registry.value("city_hall.facility_satisfaction", Period.parse("108"))
    assert ratio == (Decimal(2) / 3).quantize(Decimal("0.0001"))


def test_clerk_records_a_stall_call(page, make_user):
    force_login(page, make_user("city-hall", ["clerk"]))
    page.goto("/building/stallcalls/add/")
    page.fill("#id_title", "108 年下半年度臨時攤位招商")
    page.fill("#id_opens_on", "108/5/1")
    page.fill("#id_closes_on", "108/10/31")
    page.fill("#id_stalls", "-3")  # refused: at least one stall
    submit(page)
    assert not StallCall.objects.exists()
    assert page.locator("#id_stalls").count() == 1
    page.fill("#id_stalls", "28")
    submit(page)
    assert StallCall.objects.get().stalls == 28
    assert registry.value("city_hall.market_stalls", Period.parse("108H2")) == 28
    assert_accessible(page)
