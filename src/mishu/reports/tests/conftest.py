"""Fixtures of the reports tests: a few observed indicators with values, and templates."""

from decimal import Decimal

import pytest

from mishu.core.formats import Period

H2 = Period.parse("108H2")


def observe(
    code, values, *, label=None, unit="", dimensions=(), kind="count", division="general-affairs"
):
    """Create an observed indicator and its observations: {"108H2": v} or {"108H2 agency=都發局;month=108-07": v}."""
    from mishu.core.testing import division as get_division
    from mishu.indicators.models import Observation, ObservedIndicator

    div = get_division(division)
    indicator = ObservedIndicator.objects.create(
        code=code,
        label=label or code,
        unit=unit,
        division=div,
        dimensions=list(dimensions),
        kind=kind,
    )
    for key, value in values.items():
        period, _, cell_text = key.partition(" ")
        cell = dict(part.split("=") for part in cell_text.split(";") if part)
        Observation.objects.create(
            indicator=indicator, period=period, cell=cell, value=Decimal(str(value)), division=div
        )
    return indicator


@pytest.fixture
def figures(db):
    """Electricity (with last year), e-document ratios and target, petitions by agency × month."""
    observe("E_KWH", {"108H2": 11519200, "107H2": 11663200}, label="總用電量", unit="度")
    observe("E_WATER", {"108H2": 84975, "107H2": 85862}, label="總用水量", unit="度")
    observe("R_ONLINE", {"108H2": "0.9231", "107H2": "0.5137"}, label="線上簽核比率", kind="ratio")
    observe("T_ONLINE", {"108H2": "0.89"}, label="線上簽核目標", kind="ratio")
    observe("AMOUNT", {"108H2": 5345678}, label="決標金額", unit="元", kind="amount")
    observe("EMPTY", {}, label="尚未填報")
    observe(
        "PET",
        {
            "108H2 agency=都發局;month=108-07": 10,
            "108H2 agency=都發局;month=108-08": 5,
            "108H2 agency=交通局;month=108-07": 7,
            "108H2 agency=交通局;month=108-08": 1234,
        },
        label="陳情案件",
        unit="件",
        dimensions=("agency", "month"),
    )
    observe(
        "CALLS",
        {"108H2 category=諮詢": 30, "108H2 category=申訴": 12},
        label="來電",
        unit="通",
        dimensions=("category",),
    )
    return H2


@pytest.fixture
def template(db):
    """A factory for report templates: `template(body, name=..., is_default=True)`."""
    from mishu.reports.models import ReportTemplate

    def make(body, name="測試範本", is_default=True):
        return ReportTemplate.objects.create(name=name, body=body, is_default=is_default)

    return make
