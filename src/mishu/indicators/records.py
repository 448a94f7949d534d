"""The record queries computed indicators are built from: the records a user may see, those of a
period, the ratio of two counts, and the coverage rules (when a period counts as entered).
`indicators.registry` re-exports them; apps call them as `registry.records_in(...)` etc."""

import builtins
from decimal import Decimal

from mishu.core.formats import Period

from .memo import memoised


def _period(period) -> Period:
    return period if isinstance(period, Period) else Period.parse(str(period))


RATIO_PLACES = Decimal("0.0001")


def ratio(part, whole) -> Decimal | None:
    """part / whole as a ratio indicator gives it (four places, 0.9378 for 93.78%); None when
    there is no whole to divide by."""
    if part is None or not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATIO_PLACES)


def records(model, user):
    """The model's records `user` may see (all of them for the system, user=None)."""
    return model.objects.all() if user is None else model.objects.restrict(user, "view")


def records_in(model, user, period, date_field: str):
    """The model's records `user` may see whose `date_field` falls within the period: the query
    at the heart of most computed indicators."""
    period = _period(period)
    return records(model, user).filter(**{f"{date_field}__range": (period.start, period.end)})


def has_records(model, date_field: str | None = None, **filters):
    """A coverage rule: the period is covered when `model` has a record (matching `filters`)
    whose `date_field` falls within it, or, without a date field, any record at all (a
    register of standing things: vehicles, buildings, rooms)."""

    frozen = tuple(sorted(filters.items()))

    def covered(period, user):
        return _has_records(model, date_field, frozen, _period(period), user)

    return covered


@memoised
def _has_records(model, date_field, filters, period, user) -> bool:
    """Whether the records exist: one query per render for every indicator that asks (the
    media's counts all ask about the same press releases)."""
    qs = records(model, user) if date_field is None else records_in(model, user, period, date_field)
    return qs.filter(**dict(filters)).exists()


def every_month(model, date_field: str, **filters):
    """A coverage rule: the period is covered when every one of its months has a record
    (monthly meter readings: a half-year with five months read is not a half-year's use)."""

    def covered(period, user):
        qs = records_in(model, user, period, date_field).filter(**filters)
        seen = {(d.year, d.month) for d in qs.order_by().values_list(date_field, flat=True)}
        return builtins.all((m.year, m.index) in seen for m in period.months())

    return covered
