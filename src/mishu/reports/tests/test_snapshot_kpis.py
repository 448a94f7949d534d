"""A closed period's report prints the KPI targets it was closed with; a later edit is a
difference on the period's page, not a silent change."""

from decimal import Decimal

import pytest

from mishu.core.formats import Period
from mishu.indicators import services
from mishu.indicators.importing import import_observations
from mishu.kpis.models import KPI
from mishu.kpis.services import load_strategy
from mishu.reports.rendering.placeholders import render_body

pytestmark = pytest.mark.django_db
P = Period.parse("108")


@pytest.fixture
def kpi():
    services.sync_definitions(
        [
            {
                "code": "budget.execution_ratio",
                "label": "預算執行率",
                "unit": "%",
                "division": "accounting",
                "kind": "ratio",
            }
        ]
    )
    assert import_observations(
        [{"code": "budget.execution_ratio", "period": "108", "value": "0.9239"}]
    ).ok
    load_strategy(
        [
            {
                "objective_code": "o5",
                "objective_name": "提高預算執行效能",
                "kpi_code": "budget",
                "kpi_name": "預算執行率",
                "indicator_code": "budget.execution_ratio",
                "direction": "higher",
                "target": "95%",
                "unit": "%",
                "weight": "1",
                "year": "108",
            }
        ]
    )
    return KPI.objects.get(code="budget")


def test_closed_period_keeps_kpi_target(kpi):
    body = "{{ kpi budget field=target }}／{{ kpi budget field=achievement }}"
    before = render_body(body, P).markdown
    services.close_period(P)
    kpi.target = Decimal("0.90")
    kpi.save()
    assert render_body(body, P).markdown == before  # rebuilt from the snapshot
    diffs = {d.code: (d.closed, d.current) for d in services.differences(P)}
    assert diffs["kpis:budget.target"] == (Decimal("0.9500"), Decimal("0.9000"))
    services.reopen_period(P, _evaluator(), "更正目標值")
    assert render_body(body, P).markdown != before


def _evaluator():
    from mishu.core.testing import UserFactory

    return UserFactory(division="general-affairs", roles=["evaluator"])
