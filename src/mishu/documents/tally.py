"""Keeping the monthly tallies (`DocumentTally`) in step with the register, and reading them.

What each measure counts is declared once, in `MEASURES`; from it come both the contribution of
a single document (used on save, on delete and for bulk rows) and the grouped count of a
queryset (used to rebuild, to check, and before a raw delete).

    apply(contributions(doc))         # a document was written
    apply(totals_of(qs), sign=-1)     # documents are about to be removed in bulk
    total(user, period, Measure.SENT) # the report's period count
"""

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from operator import itemgetter

from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.db.models.signals import post_delete, post_save, pre_save

from mishu.core import versions
from mishu.core.permissions import ALL, VIEW, division_scope
from mishu.indicators.memo import memoised

from .choices import ONLINE_MODES, Direction, HandlingMode, Medium
from .models import Document, DocumentTally, Measure

Key = tuple[int, str, datetime.date, str]  # (division id, office, month, measure)


@dataclass(frozen=True)
class Rule:
    measure: str
    date_field: str
    condition: Q | None = None
    test: object = None  # the same condition on one document's values (a callable)
    amount: str | None = None  # a field summed instead of counted


def _paper_in(v):
    return v["direction"] == Direction.INCOMING and v["medium"] == Medium.PAPER


PAPER_IN = Q(direction=Direction.INCOMING, medium=Medium.PAPER)
MEASURES = (
    Rule(Measure.RECEIVED, "received_on"),
    Rule(Measure.SENT, "dispatched_on"),
    Rule(Measure.SEALED, "dispatched_on", amount="seal_uses"),
    Rule(Measure.REGISTERED, "registered_on"),
    Rule(
        Measure.ONLINE,
        "registered_on",
        Q(handling_mode__in=ONLINE_MODES),
        lambda v: v["handling_mode"] in ONLINE_MODES,
    ),
    Rule(Measure.PAPER_INCOMING, "registered_on", PAPER_IN, _paper_in),
    Rule(
        Measure.PAPER_SCANNED,
        "registered_on",
        PAPER_IN & Q(handling_mode=HandlingMode.SCANNED),
        lambda v: _paper_in(v) and v["handling_mode"] == HandlingMode.SCANNED,
    ),
)
# The document fields the tallies depend on (their `_id` form for foreign keys).
FIELDS = (
    "division_id",
    "office",
    "received_on",
    "dispatched_on",
    "registered_on",
    "seal_uses",
    "handling_mode",
    "direction",
    "medium",
)


def _month(day) -> datetime.date:
    if isinstance(day, str):  # ISO text of the bulk path
        return datetime.date(int(day[:4]), int(day[5:7]), 1)
    return day.replace(day=1)


def contributions(values: Mapping) -> Counter:
    """What one document (its FIELDS as a mapping) adds to the tallies."""
    out: Counter = Counter()
    for rule in MEASURES:
        day = values[rule.date_field]
        if day is None or (rule.test is not None and not rule.test(values)):
            continue
        amount = int(values[rule.amount] or 0) if rule.amount else 1
        if amount:
            out[(values["division_id"], values["office"], _month(day), rule.measure)] += amount
    return out


def rows_contributions(rows, index: Mapping) -> Counter:
    """What bulk rows (lists in the bulk path's column order, `index` = column → position) add.

    Rows are first grouped by the values the tallies read: a file of 50,000 rows holds a few
    hundred distinct groups, each counted once."""
    pick = itemgetter(*(index[f] for f in FIELDS))
    out: Counter = Counter()
    for values, count in Counter(map(pick, rows)).items():
        for key, amount in contributions(dict(zip(FIELDS, values, strict=True))).items():
            out[key] += amount * count
    return out


def totals_of(queryset) -> Counter:
    """What the documents of `queryset` add to the tallies, counted by the database."""
    out: Counter = Counter()
    for rule in MEASURES:
        qs = queryset.filter(**{f"{rule.date_field}__isnull": False})
        if rule.condition is not None:
            qs = qs.filter(rule.condition)
        agg = Sum(rule.amount) if rule.amount else Count("pk")
        rows = (
            qs.order_by()
            .annotate(m=TruncMonth(rule.date_field))
            .values_list("division_id", "office", "m")
            .annotate(v=agg)
        )
        for division, office, month, value in rows:
            if value:
                out[(division, office, _month(month), rule.measure)] += int(value)
    return out


def apply(delta: Mapping, sign: int = 1) -> None:
    """Add `delta` (times `sign`) to the tallies: one upsert per key, safe under concurrency."""
    rows = [
        (division, office, month.isoformat(), measure, sign * value)
        for (division, office, month, measure), value in delta.items()
        if value
    ]
    if not rows:
        return
    table = DocumentTally._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (division_id, office, month, measure, value)"
            " VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (division_id, office, month, measure)"
            f" DO UPDATE SET value = {table}.value + excluded.value",
            rows,
        )
    versions.changed()  # raw SQL: no signal tells the data's version


def rebuild() -> int:
    """Recount every tally from the documents; returns the number of tally rows."""
    with transaction.atomic():
        DocumentTally.objects.all().delete()
        totals = totals_of(Document.objects.all())
        apply(totals)
    return len(totals)


def differences() -> dict:
    """{key: (tally, documents)} where the tally table and a fresh count disagree."""
    stored = {
        (t.division_id, t.office, t.month, t.measure): t.value
        for t in DocumentTally.objects.exclude(value=0)
    }
    fresh = totals_of(Document.objects.all())
    return {
        k: (stored.get(k, 0), fresh.get(k, 0))
        for k in set(stored) | set(fresh)
        if stored.get(k, 0) != fresh.get(k, 0)
    }


@memoised
def total(user, period, measure: str, office: str | None = None) -> int:
    """The period's tally of `measure` over what `user` may see (everything for user=None).

    One plain statement over the tally table: the report asks for dozens of these, and the
    query itself takes a fraction of a millisecond, so the ORM's compilation would dominate."""
    sql = (
        f"SELECT SUM(value) FROM {DocumentTally._meta.db_table}"
        " WHERE measure = %s AND month BETWEEN %s AND %s"
    )
    params = [measure, period.start.isoformat(), period.end.isoformat()]
    if office is not None:
        sql += " AND office = %s"
        params.append(office)
    if user is not None:
        scope = division_scope(user, VIEW)
        if scope is None:
            return 0
        if scope is not ALL:
            sql += " AND division_id = %s"
            params.append(scope)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0] or 0)


# ---------------------------------------------------------------------------------------------
# Keeping in step with single-document writes (the bulk path calls `apply` itself).


def _remember(sender, instance, raw=False, **kwargs):
    before = None
    if instance.pk is not None and not raw:
        before = Document.objects.filter(pk=instance.pk).values(*FIELDS).first()
    instance._tally_before = before


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    delta = contributions({f: getattr(instance, f) for f in FIELDS})
    before = getattr(instance, "_tally_before", None)
    if before:
        delta.subtract(contributions(before))
    apply(delta)


def _deleted(sender, instance, **kwargs):
    apply(contributions({f: getattr(instance, f) for f in FIELDS}), sign=-1)


pre_save.connect(_remember, sender=Document, dispatch_uid="documents_tally_remember")
post_save.connect(_saved, sender=Document, dispatch_uid="documents_tally_saved")
post_delete.connect(_deleted, sender=Document, dispatch_uid="documents_tally_deleted")
