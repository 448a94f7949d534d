"""The council figures of the report, computed from the records: term and sessions, the
paperless meetings (stocks), and the 府會拜訪 KPI."""

import datetime
from decimal import Decimal

import pytest

from mishu.core.formats import Period
from mishu.core.models import Agency
from mishu.core.testing import division
from mishu.council import demo
from mishu.council.models import Visit
from mishu.indicators import registry
from mishu.kpis.models import KPI
from mishu.kpis.services import evaluate

from .factories import D, meeting, member, session, term

pytestmark = pytest.mark.django_db
H2 = Period.parse("108H2")


def test_the_demo_reproduces_the_seed_figures_from_records():
    demo.load()
    demo.load()
    figures = {
        "council.term": 13,
        "council.session": 3,
        "council.replied_session": 2,
        "council.paperless_records": 823,
        "council.paper_sheets_saved": 7893450,
        "council.paper_cost_saved": 3772180,
    }
    for code, figure in figures.items():
        assert registry.get(code).source == "computed", code
        assert registry.value(code, H2) == figure, code
    assert registry.value("council.visit_ratio", "108") == registry.ratio(61, 70)  # 87%
    from mishu.indicators import demo as indicators_demo
    from mishu.kpis import demo as kpi_demo

    indicators_demo.load()  # the strategy map names observed indicators too (budget, training)
    kpi_demo.load()
    kpi = KPI.objects.get(code="council.visits")
    assert evaluate(kpi, Period.parse("108")).actual == Decimal("0.8714")


def test_reporting_and_replied_sessions_follow_the_period():
    t = term()
    session(t, 1, D(2019, 3, 5), D(2019, 6, 18))
    session(t, 2, D(2019, 9, 3), D(2019, 12, 24))
    session(t, 1, D(2019, 7, 16), D(2019, 7, 18), kind="extraordinary")
    assert registry.value("council.session", "108H1") == 2
    assert registry.value("council.replied_session", "108H1") == 1
    assert registry.value("council.session", H2) is None  # session 3 not recorded yet
    assert registry.value("council.term", H2) is None
    assert registry.value("council.replied_session", H2) == 2


def test_paperless_figures_are_cumulative_to_the_periods_end():
    assert registry.value("council.paperless_records", H2) is None
    meeting(1, D(2004, 1, 6), sheets_saved=100, cost_saved=50)
    meeting(2, D(2019, 7, 2), sheets_saved=200, cost_saved=90)
    meeting(3, D(2019, 9, 3), paperless=False)
    assert registry.value("council.paperless_records", "108H1") == 1
    assert registry.value("council.paperless_records", H2) == 2
    assert registry.value("council.paperless_records", "108") == 2  # a stock: not H1 + H2
    assert registry.value("council.paper_sheets_saved", H2) == 300
    assert registry.value("council.paper_cost_saved", H2) == 140


def test_visit_ratio_counts_heads_who_visited_more_than_two_thirds():
    Agency.objects.exclude(code__in=["finance", "education"]).update(active=False)
    t = term()
    s = session(t)
    members = [member(t, f"議員{i}") for i in range(3)]
    assert registry.value("council.visit_ratio", "108") == 0  # nobody visited yet
    for agency, visited in (("finance", members), ("education", members[:2])):
        for m in visited:
            Visit.objects.create(
                division=division("confidential"),
                session=s,
                agency=Agency.objects.get(code=agency),
                member=m,
                visited_on=datetime.date(2019, 9, 10),
            )
    # education visited exactly 2/3, which is not more than 2/3
    assert registry.value("council.visit_ratio", "108") == Decimal("0.5")
    assert registry.value("council.visit_ratio", "107") is None
