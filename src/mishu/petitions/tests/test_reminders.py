import datetime

import pytest
from django.core import mail

from mishu.petitions import reminders
from mishu.petitions.models import AgencyContact

from .factories import agency, file_case

pytestmark = pytest.mark.django_db


def test_reminders_go_to_agency_contact_and_supervisor_once_a_day(make_user):
    case = file_case(received_on=datetime.date(2019, 7, 1))  # deadline 2019-07-09
    from mishu.petitions.services import act

    act(case, "assigned", agency=agency(), on=datetime.date(2019, 7, 1))
    AgencyContact.objects.create(
        division=case.division, agency=agency(), email="contact@udd.gov.taipei"
    )
    boss = make_user("confidential", ["supervisor"])
    file_case(received_on=datetime.date(2019, 8, 1))  # far from its deadline
    assert reminders.send(datetime.date(2019, 7, 8)) == 1
    assert sorted(mail.outbox[0].to) == sorted(["contact@udd.gov.taipei", boss.email])
    assert "P108000001" in mail.outbox[0].subject
    assert reminders.send(datetime.date(2019, 7, 8)) == 0
