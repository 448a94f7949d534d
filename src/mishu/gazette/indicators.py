"""The gazette figures of the report (壹四(三)): issues published in the period (a flow) and the
e-paper's subscribers at the period's end (a stock: counted on one day, never summed)."""

from decimal import Decimal

from django.db.models import Q

from mishu.indicators import registry

from .models import Issue, Subscription

CONFIDENTIAL = "confidential"


@registry.computed(
    code="gazette.issues",
    label="發行臺北市政府公報期數",
    label_en="Gazette issues published",
    unit="期",
    kind="count",
    division=CONFIDENTIAL,
)
def issues(period, user):
    """Issues published in the period; None when none is recorded (the gazette comes out
    several times a week, so a period without one was not entered)."""
    n = registry.records_in(Issue, user, period, "published_on").count()
    return Decimal(n) if n else None


def subscribed_at(day, user):
    """The subscriptions running on `day` (started on or before it, not ended by it)."""
    return registry.records(Subscription, user).filter(
        Q(unsubscribed_on__isnull=True) | Q(unsubscribed_on__gt=day), subscribed_on__lte=day
    )


@registry.computed(
    code="gazette.subscribers",
    label="公報電子報訂閱戶",
    label_en="Gazette e-newsletter subscribers",
    unit="戶",
    kind="count",
    division=CONFIDENTIAL,
)
def subscribers(period, user):
    """E-paper subscribers at the period's end; None when no subscription had started by then."""
    end = period.end
    if not registry.records(Subscription, user).filter(subscribed_on__lte=end).exists():
        return None
    return Decimal(subscribed_at(end, user).count())
