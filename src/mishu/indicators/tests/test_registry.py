import datetime
from decimal import Decimal

import pytest

from mishu.chronicle.models import Event
from mishu.core.formats import Period
from mishu.core.testing import division
from mishu.indicators import registry

from .factories import indicator, observe

pytestmark = pytest.mark.django_db


def event(day, category="trip", persons=None, division_code="international"):
    return Event.objects.create(
        division=division(division_code),
        category=category,
        start_date=day,
        title="t",
        persons=persons,
    )


def test_computed_definitions_are_autodiscovered():
    d = registry.get("chronicle.events")
    assert d.source == "computed" and d.app == "chronicle" and d.dimensions == ("category",)
    assert "chronicle.persons" in {x.code for x in registry.all()}
    with pytest.raises(registry.UnknownIndicator):
        registry.get("nope")


def test_computed_value_breakdown_previous_year():
    event(datetime.date(2019, 7, 1), "trip", 3)
    event(datetime.date(2019, 12, 31), "trip", 2)
    event(datetime.date(2019, 8, 1), "visit", 10)
    event(datetime.date(2019, 6, 30), "trip", 100)  # first half: outside 108H2
    event(datetime.date(2018, 9, 1), "visit", 7)
    assert registry.value("chronicle.events", "108H2") == Decimal(3)
    assert registry.value("chronicle.events", Period.parse("108H2"), category="trip") == 2
    assert registry.value("chronicle.persons", "108H2") == 15
    bd = registry.breakdown("chronicle.persons", "108H2")
    assert bd.rows == ["trip", "visit"] and bd.cols == []
    assert bd.cells == {("trip", None): Decimal(5), ("visit", None): Decimal(10)}
    assert bd.row_totals == {"trip": 5, "visit": 10} and bd.total == 15
    assert registry.previous_year("chronicle.persons", "108H2") == 7
    assert isinstance(registry.value("chronicle.events", "108H2"), Decimal)
    with pytest.raises(registry.UnknownDimension):
        registry.value("chronicle.events", "108H2", agency="x")


def test_computed_restricted_by_user(make_user):
    event(datetime.date(2019, 7, 1), division_code="international")
    event(datetime.date(2019, 7, 2), division_code="media")
    media = make_user("media", ["clerk"])
    assert registry.value("chronicle.events", "108H2") == 2
    assert registry.value("chronicle.events", "108H2", media) == 1


def test_observed_value_and_two_dimension_breakdown():
    ind = indicator("pet.cases", dimensions=("agency", "month"))
    observe(ind, "108H2", 5, agency="都發局", month="108-07")
    observe(ind, "108H2", 7, agency="都發局", month="108-08")
    observe(ind, "108H2", 1, agency="工務局", month="108-07")
    observe(ind, "107H2", 4, agency="工務局", month="107-07")
    assert registry.get("pet.cases").source == "observed"
    assert registry.value("pet.cases", "108H2") == 13
    assert registry.value("pet.cases", "108H2", agency="都發局") == 12
    assert registry.value("pet.cases", "108H2", agency="都發局", month="108-08") == 7
    assert registry.value("pet.cases", "108H1") is None
    assert registry.previous_year("pet.cases", "108H2") == 4
    bd = registry.breakdown("pet.cases", "108H2")
    assert bd.rows == ["都發局", "工務局"] and bd.cols == ["108-07", "108-08"]
    assert bd.get("都發局", "108-07") == 5 and bd.get("工務局", "108-08") is None
    assert bd.row_totals == {"都發局": 12, "工務局": 1}
    assert bd.col_totals == {"108-07": 6, "108-08": 7}
    assert bd.total == 13


def test_explicit_total_wins_over_cells():
    ind = indicator("pet.total", dimensions=("agency",))
    observe(ind, "108H2", 5, agency="A")
    observe(ind, "108H2", 99)
    assert registry.value("pet.total", "108H2") == 99


def test_months_sum_to_half_year_and_year():
    ind = indicator("doc.sent")
    for month, v in [("108-07", 10), ("108-08", 20), ("108-12", 5), ("108-01", 1)]:
        observe(ind, month, v)
    assert registry.value("doc.sent", "108H2") == 35
    assert registry.value("doc.sent", "108Q3") == 30
    assert registry.value("doc.sent", "108") == 36
    observe(ind, "108Q3", 31)  # a quarter's own value takes precedence over its months
    assert registry.value("doc.sent", "108H2") == 36


def test_ratio_is_not_summed():
    ind = indicator("doc.ontime", kind="ratio")
    observe(ind, "108-07", "0.9")
    assert registry.value("doc.ontime", "108H2") is None
    observe(ind, "108H2", "0.9239")
    assert registry.value("doc.ontime", "108H2") == Decimal("0.9239")


def test_observed_restricted_by_user(make_user):
    ind = indicator("doc.received", division_code="documents")
    observe(ind, "108H2", 3)
    assert registry.value("doc.received", "108H2", make_user("documents")) == 3
    assert registry.value("doc.received", "108H2", make_user("media")) is None
    assert registry.value("doc.received", "108H2", make_user("media", ["evaluator"])) == 3


def test_an_observed_definition_is_read_once_a_render(django_assert_num_queries):
    from mishu.indicators.memo import render_scope

    indicator("t.memo", kind="count")
    with django_assert_num_queries(2):  # outside a render: read each time
        registry.get("t.memo")
        registry.get("t.memo")
    with render_scope(), django_assert_num_queries(1):
        assert registry.get("t.memo").code == registry.get("t.memo").code == "t.memo"
    with render_scope(), pytest.raises(registry.UnknownIndicator):
        registry.get("t.nowhere")
