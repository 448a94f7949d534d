"""A 國際事務組 clerk records a delegation and finds it named and counted in the report of the
period; a grant application goes through its review meeting to payment."""

import datetime
from decimal import Decimal

import pytest

from mishu.core.tests.browser.helpers import assert_accessible, force_login
from mishu.international.models import Delegation, GrantApplication
from mishu.international.tests.factories import application, meeting
from mishu.reports.models import ReportTemplate

pytestmark = pytest.mark.browser
BODY = (
    '如{{ list international.delegations named=yes join=、 pattern="{name}" }}等重要外賓，'
    "本期計接待 {{ value international.delegations format=int }} 團、"
    "{{ value international.delegation_persons format=int }} 人。"
)


def test_clerk_records_a_delegation_and_the_report_lists_it(page, make_user):
    template = ReportTemplate.objects.create(name="國際", body=BODY)
    force_login(page, make_user("international", ["clerk"]))
    page.goto("/international/delegations/add/")
    assert_accessible(page)
    page.fill("#id_received_on", "108/10/21")
    page.fill("#id_country", "美國")
    page.fill("#id_city", "鳳凰城")
    page.fill("#id_leader_title", "市長")
    page.fill("#id_leader", "Kate Gallego")
    page.fill("#id_size", "0")  # nobody: refused, the field named
    page.check("#id_named_in_report")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("[role=alert]").count() >= 1 and not Delegation.objects.exists()
    page.fill("#id_size", "8")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert Delegation.objects.get().display_name == "美國鳳凰城市長Kate Gallego"
    page.goto(f"/reports/periods/108H2/report/?template={template.pk}")
    text = page.inner_text("main")
    assert "如美國鳳凰城市長Kate Gallego等重要外賓" in text
    assert "本期計接待 1 團、8 人" in text
    page.goto(f"/reports/periods/108H1/report/?template={template.pk}")
    assert "Kate Gallego" not in page.inner_text("main")


def test_a_grant_from_application_to_payment(page, make_user):
    review = meeting(datetime.date(2019, 6, 26), title="第 2 期審查會")
    app = application(datetime.date(2019, 6, 1), applicant="臺北示範青年會")
    force_login(page, make_user("international", ["clerk"]))
    page.goto(app.get_absolute_url())
    assert_accessible(page)
    page.select_option("#id_review_meeting", str(review.pk))
    page.fill("#id_decided_on", "108/6/26")
    with page.expect_navigation():  # no amount: refused, nothing changes
        page.get_by_role("button", name="審查會核定").click()
    assert "核定金額" in page.inner_text("main")
    app.refresh_from_db()
    assert app.status == "applied"
    page.select_option("#id_review_meeting", str(review.pk))
    page.fill("#id_decided_on", "108/6/26")
    page.fill("#id_approved_amount", "45000")
    with page.expect_navigation():
        page.get_by_role("button", name="審查會核定").click()
    app.refresh_from_db()
    assert app.status == "approved" and app.approved_amount == Decimal(45000)
    page.fill("#id_paid_on", "108/9/30")
    page.fill("#id_paid_amount", "45000")
    with page.expect_navigation():
        page.get_by_role("button", name="核銷撥款").click()
    app.refresh_from_db()
    assert app.status == "paid" and app.paid_on == datetime.date(2019, 9, 30)
    steps = page.inner_text("#workflow")
    assert "審查會核定" in steps and "核銷撥款" in steps
    assert GrantApplication.objects.filter(status="paid").count() == 1
    assert_accessible(page)
