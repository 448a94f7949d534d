"""Tenders awarded in a period (by award date): how many and for how much."""

from decimal import Decimal

from django.db.models import Sum

from mishu.indicators import registry

from .models import TenderCase


def _awarded(period, user):
    return registry.records_in(TenderCase, user, period, "awarded_on")


@registry.computed(
    code="procurement.awarded_cases",
    label="完成招標案件數",
    label_en="Tenders awarded",
    unit="件",
    kind="count",
    division="general-affairs",
    covered=registry.has_records(TenderCase, "awarded_on"),
)
def awarded_cases(period, user):
    """Tender cases awarded in the period."""
    return Decimal(_awarded(period, user).count())


@registry.computed(
    code="procurement.awarded_amount",
    label="總決標金額",
    label_en="Total amount awarded",
    unit="元",
    kind="amount",
    division="general-affairs",
    covered=registry.has_records(TenderCase, "awarded_on"),
)
def awarded_amount(period, user):
    """The award amounts of the tenders awarded in the period, added up."""
    return Decimal(_awarded(period, user).aggregate(v=Sum("award_amount"))["v"] or 0)
