"""Grants to civil groups: the workflow (page and API), what each step needs, and the four
figures the report reads."""

from decimal import Decimal

import pytest
from django.urls import reverse

from mishu.core.formats import Period
from mishu.indicators import registry
from mishu.international import services
from mishu.international.choices import GrantStatus, MeetingKind

from .factories import D, application, meeting

pytestmark = pytest.mark.django_db
Y108 = Period.parse("108")


def test_the_four_figures_follow_the_records():
    review = meeting(D(2019, 1, 10))
    apps = [application(D(2019, 1, 3)) for _ in range(4)]
    services.transition(
        apps[0],
        "approve",
        review_meeting=review,
        decided_on=D(2019, 1, 10),
        approved_amount=Decimal(40000),
    )
    services.transition(apps[0], "pay", paid_on=D(2019, 3, 1), paid_amount=Decimal(39000))
    services.transition(
        apps[1],
        "approve",
        review_meeting=review,
        decided_on=D(2019, 1, 10),
        approved_amount=Decimal(20000),
    )
    services.transition(
        apps[2],
        "special",
        memo_number="簽 1",
        decided_on=D(2019, 2, 1),
        approved_amount=Decimal(10000),
    )
    services.transition(apps[3], "reject", decided_on=D(2019, 1, 10))
    assert registry.value("international.grant_applications", Y108) == 4
    assert registry.value("international.grants_approved", Y108) == 2
    assert registry.value("international.grants_special", Y108) == 1
    assert registry.value("international.grants_paid", Y108) == 39000
    # a year without any application is missing, not zero
    assert registry.value("international.grant_applications", Period.parse("107")) is None
    assert registry.value("international.grants_paid", Period.parse("107")) is None


def test_steps_refuse_what_does_not_fit():
    review = meeting(D(2019, 1, 10))
    other = meeting(D(2019, 1, 10), div="media")
    committee = meeting(D(2019, 1, 10), kind=MeetingKind.COMMITTEE, title="委員會")
    app = application(D(2019, 1, 3))
    with pytest.raises(services.TransitionError, match="核定金額"):
        services.transition(app, "approve", review_meeting=review, decided_on=D(2019, 1, 10))
    for bad in (other, committee):
        with pytest.raises(services.TransitionError):
            services.transition(
                app,
                "approve",
                review_meeting=bad,
                decided_on=D(2019, 1, 10),
                approved_amount=Decimal(1),
            )
    with pytest.raises(services.TransitionError, match="不得早於申請"):
        services.transition(
            app,
            "approve",
            review_meeting=review,
            decided_on=D(2018, 12, 1),
            approved_amount=Decimal(1),
        )
    with pytest.raises(services.TransitionError, match="不能"):
        services.transition(app, "pay", paid_on=D(2019, 3, 1), paid_amount=Decimal(1))
    services.transition(
        app,
        "approve",
        review_meeting=review,
        decided_on=D(2019, 1, 10),
        approved_amount=Decimal(100),
    )
    with pytest.raises(services.TransitionError, match="不得超過核定金額"):
        services.transition(app, "pay", paid_on=D(2019, 3, 1), paid_amount=Decimal(101))
    app.refresh_from_db()
    assert app.status == GrantStatus.APPROVED and app.paid_amount is None
    assert [e.action for e in app.events.all()] == ["approve"]


def test_a_grant_through_its_pages(make_user, client_for):
    review = meeting(D(2019, 6, 26))
    app = application(D(2019, 6, 1))
    client = client_for(make_user("international", ["clerk"]))
    page = client.get(app.get_absolute_url()).content.decode()
    assert "專案簽准" in page and "第 1 期審查會" in page
    step = reverse("international:grantapplication_transition", args=[app.pk])
    answer = client.post(step, {"action": "approve", "review_meeting": review.pk}, follow=True)
    assert "核定金額" in answer.content.decode()
    client.post(
        step,
        {
            "action": "approve",
            "review_meeting": review.pk,
            "decided_on": "108/6/26",
            "approved_amount": "30000",
        },
    )
    client.post(step, {"action": "pay", "paid_on": "108/9/1", "paid_amount": "30000"})
    app.refresh_from_db()
    assert (app.status, app.paid_amount, app.paid_on) == ("paid", 30000, D(2019, 9, 1))
    history = client.get(app.get_absolute_url()).content.decode()
    assert "核銷撥款" in history


def test_a_grant_through_the_api_and_other_divisions_kept_out(make_user, api_for):
    review = meeting(D(2019, 6, 26))
    app = application(D(2019, 6, 1))
    url = f"/api/international/grantapplications/{app.pk}/step/"
    outsider = api_for(make_user("media", ["clerk"]))
    assert outsider.post(url, {"action": "reject", "decided_on": "2019-06-26"}).status_code == 404
    api = api_for(make_user("international", ["clerk"]))
    bad = api.post(url, {"action": "fly"})
    assert bad.status_code == 400
    ok = api.post(
        url,
        {
            "action": "approve",
            "review_meeting": review.pk,
            "decided_on": "2019-06-26",
            "approved_amount": "12000",
        },
    )
    assert ok.status_code == 200 and ok.json()["status"] == "approved"
    # the status is the workflow's: a plain update cannot set it
    api.patch(f"/api/international/grantapplications/{app.pk}/", {"status": "paid"})
    app.refresh_from_db()
    assert app.status == "approved"
