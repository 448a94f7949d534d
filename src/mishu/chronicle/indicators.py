"""What the chronicle feeds the report: counts and sums over its events, by category.

An event belongs to the period in which it starts.
"""

from decimal import Decimal

from django.db.models import Count, Sum

from mishu.indicators import registry

from .choices import EventCategory
from .models import Event

CATEGORY = ("category",)


_recorded = registry.has_records(Event, "start_date")


def _events(period, user, category=None):
    qs = registry.records_in(Event, user, period, "start_date")
    return qs.filter(category=category) if category else qs


def _by_category(period, user, aggregate) -> dict:
    rows = dict(_events(period, user).order_by().values_list("category").annotate(v=aggregate))
    # Categories in their declared order, only those with events.
    return {c: Decimal(rows[c] or 0) for c in EventCategory.values if c in rows}


@registry.computed(
    code="chronicle.events",
    label="大事紀事件數",
    label_en="Chronicle events",
    unit="件",
    dimensions=CATEGORY,
    covered=_recorded,
)
def events(period, user, category=None):
    """The number of events that start in the period."""
    return Decimal(_events(period, user, category).count())


@events.breakdown
def events_by_category(period, user):
    return _by_category(period, user, Count("pk"))


def _sum_indicator(field, code, label, label_en, unit):
    @registry.computed(
        code=code,
        label=label,
        label_en=label_en,
        unit=unit,
        dimensions=CATEGORY,
        covered=_recorded,
    )
    def total(period, user, category=None):
        result = _events(period, user, category).aggregate(v=Sum(field))["v"]
        return Decimal(result or 0)

    @total.breakdown
    def by_category(period, user):
        return _by_category(period, user, Sum(field))

    return total


persons = _sum_indicator(
    "persons", "chronicle.persons", "大事紀人數", "Persons in chronicle events", "人"
)
groups = _sum_indicator(
    "groups", "chronicle.groups", "大事紀團數", "Groups in chronicle events", "團"
)
sessions = _sum_indicator(
    "sessions", "chronicle.sessions", "大事紀場次", "Chronicle event sessions", "場"
)
