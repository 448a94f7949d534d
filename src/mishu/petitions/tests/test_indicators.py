"""The demo's petition records reproduce the seed's figures through the computed indicators."""

from decimal import Decimal

import pytest

from mishu.indicators import registry
from mishu.petitions import demo

pytestmark = pytest.mark.django_db


def test_mayor_by_agency_reproduces_the_seed_table():
    demo.load()
    demo.load()  # idempotent
    d = registry.get("petitions.mayor_by_agency")
    assert d.source == "computed" and d.dimensions == ("agency",)
    bd = registry.breakdown("petitions.mayor_by_agency", "108H2")
    assert bd.total == Decimal(1321)
    assert bd.rows == list(demo.BY_AGENCY)
    assert {r: int(bd.get(r)) for r in bd.rows} == demo.BY_AGENCY
    assert registry.value("petitions.mayor_by_agency", "108H2", agency="都發局") == 303
    assert registry.value("petitions.mayor_by_agency", "108-07") < 1321


def test_dispersal_hours_kpi_is_the_seeds_079():
    demo.load()
    assert registry.value("petitions.collective_dispersal_hours", "108") == Decimal("0.79")
    assert registry.value("petitions.collective_dispersal_hours", "107") is None


def test_indicators_are_restricted_by_division(make_user):
    demo.load()
    outsider = make_user("media", ["clerk"])
    # the outsider sees no case at all: nothing to count, so no figure (the report counts all)
    assert registry.value("petitions.mayor_by_agency", "108H2", outsider) is None
    insider = make_user("confidential", ["clerk"])
    assert registry.value("petitions.mayor_by_agency", "108H2", insider) == 1321


def test_collective_list_source():
    from mishu.reports import sources

    demo.load()
    lines = sources.get("petitions.collective")(registry._period("108H2"), None)
    assert len(lines) == 8
    assert lines[0] == "108年7月16日社區發展協會 20 人於市政大樓府前廣場陳情，0.80 小時後完成解散。"
