"""研考: phone courtesy tests (checks, findings, the report's count and phrase), bulletins and
training sessions; the form, the API and permissions by division."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mishu.core.formats import Period
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.reports import sources
from mishu.research.choices import Check
from mishu.research.models import Bulletin, PhoneTest, TrainingAttendance, TrainingSession

pytestmark = pytest.mark.django_db
D = datetime.date
H2 = Period.parse("108H2")
ALL_PASSED = dict.fromkeys(Check.values, True)


def agency(code):
    return Agency.objects.get(code=code)


def phone_test(day, failed=(), div="general-affairs"):
    return PhoneTest.objects.create(
        division=division(div),
        tested_on=day,
        tester_agency=agency("labor"),
        tested_agency=agency("secretariat"),
        tested_unit="文書組",
        checks={c: c not in failed for c in Check.values},
    )


def test_phone_tests_count_and_findings_follow_the_records():
    assert registry.value("research.phone_tests", H2) is None
    phone_test(D(2019, 7, 2))
    phone_test(D(2019, 8, 2), failed=[Check.FIRST_UNIT, Check.FIRST_NAME])
    phone_test(D(2019, 9, 2), failed=[Check.FIRST_NAME, Check.TONE])
    phone_test(D(2019, 6, 2), failed=[Check.ANSWER])  # first half
    assert registry.value("research.phone_tests", H2) == 3
    assert registry.value("research.phone_failed_checks", H2) == 2
    assert registry.value("research.phone_failed_checks", H2, check="first_name") == 2
    assert sources.get("research.phone_findings")(H2) == [
        "於首接時未清楚報明業務單位名稱及自己姓名(氏)",
        "未能以謙和語調答復",
    ]


def test_every_check_answered_and_no_agency_tests_itself():
    t = PhoneTest(
        division=division("general-affairs"),
        tested_on=D(2019, 7, 2),
        tester_agency=agency("labor"),
        tested_agency=agency("labor"),
        tested_unit="x",
        checks={"first_unit": True, "smile": "yes"},
    )
    with pytest.raises(ValidationError) as exc:
        t.full_clean()
    assert {"checks", "tested_agency"} <= set(exc.value.message_dict)


def test_bulletins_and_trainings_count():
    ga = division("general-affairs")
    for issue in (1, 2):
        Bulletin.objects.create(
            division=ga, issue=issue, published_on=D(2019, 7 + issue, 1), title="時效"
        )
    s = TrainingSession.objects.create(division=ga, held_on=D(2019, 10, 24), title="訓練", hours=2)
    TrainingAttendance.objects.create(division=ga, session=s, unit="文書組", persons=18)
    TrainingAttendance.objects.create(division=ga, session=s, unit="總務組", persons=12)
    assert registry.value("research.bulletins", H2) == 2
    assert registry.value("research.trainings", H2) == 1
    assert registry.value("research.training_persons", H2) == 30
    assert registry.value("research.trainings", Period.parse("108H1")) is None


def test_a_phone_test_through_the_form(make_user, client_for):
    client = client_for(make_user("general-affairs", ["clerk"]))
    form = {
        "division": division("general-affairs").pk,
        "tested_on": "108/7/2",
        "tester_agency": agency("fire").pk,
        "tested_agency": agency("secretariat").pk,
        "tested_unit": "國際事務組",
        "findings": "未報姓名",
        **{f"check_{c}": "on" for c in Check.values if c != "first_name"},
    }
    answer = client.post(reverse("research:phonetest_add"), form)
    assert answer.status_code == 302
    test = PhoneTest.objects.get()
    assert test.failed == ["first_name"]
    page = client.get(test.get_absolute_url()).content.decode()
    assert "未通過" in page
    assert registry.value("research.phone_tests", H2) == 1


def test_api_checks_and_division_scope(make_user, api_for):
    body = {
        "division": division("general-affairs").pk,
        "tested_on": "2019-07-02",
        "tester_agency": agency("fire").pk,
        "tested_agency": agency("secretariat").pk,
        "tested_unit": "文書組",
        "checks": ALL_PASSED,
    }
    api = api_for(make_user("general-affairs", ["clerk"]))
    assert api.post("/api/research/phonetests/", body, format="json").status_code == 201
    bad = api.post("/api/research/phonetests/", {**body, "checks": {"x": 1}}, format="json")
    assert bad.status_code == 400 and "checks" in bad.json()
    media = api_for(make_user("media", ["clerk"]))
    assert media.post("/api/research/phonetests/", body, format="json").status_code == 400
    assert media.get("/api/research/phonetests/").json()["count"] == 0
    evaluator = api_for(make_user("documents", ["evaluator"]))
    assert evaluator.get("/api/research/phonetests/").json()["count"] == 1


def test_training_attendance_session_choices_are_the_users_division(make_user, client_for):
    TrainingSession.objects.create(
        division=division("general-affairs"), held_on=D(2019, 10, 1), title="本組訓練", hours=1
    )
    TrainingSession.objects.create(
        division=division("media"), held_on=D(2019, 10, 1), title="他組訓練", hours=1
    )
    page = (
        client_for(make_user("general-affairs", ["clerk"]))
        .get(reverse("research:trainingattendance_add"))
        .content.decode()
    )
    assert "本組訓練" in page and "他組訓練" not in page
