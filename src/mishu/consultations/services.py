"""Write logic of the counters: the tally screen's click and its correction."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from mishu.core import permissions as rights

from .choices import CounterCategory
from .models import CounterContact


def tally(user, category: str, today=None) -> CounterContact:
    """Count one contact at the counter (one row per click, so every click is in the log)."""
    if category not in CounterCategory.values:
        raise ValueError(category)
    if not rights.can_add_to(user, user.division_id):
        raise PermissionDenied
    with transaction.atomic():
        return CounterContact.objects.create(
            division_id=user.division_id,
            created_by=user,
            date=today or timezone.localdate(),
            category=category,
            count=1,
        )


def undo(user, category: str, today=None) -> bool:
    """Correct a wrong click: remove the user's latest click of `category` today (the change log
    keeps the deletion). False when there is nothing to undo."""
    row = (
        CounterContact.objects.restrict(user, "delete")
        .filter(created_by=user, category=category, date=today or timezone.localdate(), count=1)
        .order_by("-pk")
        .first()
    )
    if row is None:
        return False
    with transaction.atomic():
        row.delete()
    return True


def today_counts(user, today=None) -> dict[str, int]:
    """Today's contacts per category in the user's division, every category present."""
    from django.db.models import Sum

    rows = dict(
        CounterContact.objects.restrict(user, "view")
        .filter(date=today or timezone.localdate(), division_id=user.division_id)
        .order_by()
        .values_list("category")
        .annotate(n=Sum("count"))
    )
    return {c: rows.get(c, 0) for c in CounterCategory.values}
