"""Tender cases: validation and the period's counts and totals."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry
from mishu.procurement.models import TenderCase

pytestmark = pytest.mark.django_db


def test_awarded_counts_and_amounts():
    ga = division("general-affairs")
    for day, amount in ((datetime.date(2019, 7, 5), 100), (datetime.date(2019, 12, 31), 250)):
        TenderCase.objects.create(
            division=ga,
            subject="x",
            budget=Decimal(300),
            awarded_on=day,
            award_amount=Decimal(amount),
            vendor="v",
        )
    TenderCase.objects.create(division=ga, subject="open", budget=Decimal(300))
    period = Period.parse("108H2")
    assert registry.value("procurement.awarded_cases", period) == 2
    assert registry.value("procurement.awarded_amount", period) == 350


def test_award_needs_date_amount_vendor_and_no_negative():
    case = TenderCase(
        division=division("general-affairs"),
        subject="x",
        budget=Decimal(-1),
        award_amount=Decimal(5),
    )
    with pytest.raises(ValidationError) as exc:
        case.full_clean()
    assert {"budget", "awarded_on", "vendor"} <= set(exc.value.message_dict)
