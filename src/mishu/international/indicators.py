"""What the international affairs records feed the report: delegations and persons received,
and the grants to civil groups (applications, approvals, special memos, amounts paid).

A period with no record of the kind is missing (None), never zero."""

from decimal import Decimal

from django.db.models import Q, Sum

from mishu.indicators import registry

from .choices import GrantStatus
from .models import Delegation, GrantApplication

DIV = "international"


def _delegations(period, user):
    return registry.records_in(Delegation, user, period, "received_on")


@registry.computed(
    code="international.delegations",
    label="接待國際及大陸貴賓團數",
    label_en="Delegations received",
    unit="團",
    kind="count",
    division=DIV,
)
def delegations(period, user):
    """Delegations received in the period."""
    n = _delegations(period, user).count()
    return Decimal(n) if n else None


@registry.computed(
    code="international.delegation_persons",
    label="接待國際及大陸貴賓人數",
    label_en="Persons in the delegations received",
    unit="人",
    kind="count",
    division=DIV,
)
def delegation_persons(period, user):
    """Members of the delegations received in the period, added up."""
    n = _delegations(period, user).aggregate(n=Sum("size"))["n"]
    return Decimal(n) if n else None


def _grants_active(period, user) -> bool:
    """Whether any application was filed, decided or paid in the period (else: missing)."""
    qs = registry.records(GrantApplication, user)
    return qs.filter(
        Q(applied_on__range=(period.start, period.end))
        | Q(decided_on__range=(period.start, period.end))
        | Q(paid_on__range=(period.start, period.end))
    ).exists()


def _grant_count(period, user, **filters):
    if not _grants_active(period, user):
        return None
    return Decimal(registry.records(GrantApplication, user).filter(**filters).count())


@registry.computed(
    code="international.grant_applications",
    label="協助國際性會議活動申請案數",
    label_en="Applications for international event support",
    unit="案",
    kind="count",
    division=DIV,
)
def grant_applications(period, user):
    """Applications filed in the period."""
    return _grant_count(period, user, applied_on__range=(period.start, period.end))


@registry.computed(
    code="international.grants_approved",
    label="協助國際性會議活動核定案數",
    label_en="Applications approved",
    unit="案",
    kind="count",
    division=DIV,
)
def grants_approved(period, user):
    """Applications approved by a review meeting in the period (whether paid since or not)."""
    return _grant_count(
        period,
        user,
        decided_on__range=(period.start, period.end),
        review_meeting__isnull=False,
        special=False,
        status__in=(GrantStatus.APPROVED, GrantStatus.PAID),
    )


@registry.computed(
    code="international.grants_special",
    label="專案簽准辦理案數",
    label_en="Cases approved by special memo",
    unit="案",
    kind="count",
    division=DIV,
)
def grants_special(period, user):
    """Applications approved by special memo (專案簽准) in the period."""
    return _grant_count(
        period,
        user,
        decided_on__range=(period.start, period.end),
        special=True,
        status__in=(GrantStatus.SPECIAL, GrantStatus.PAID),
    )


@registry.computed(
    code="international.grants_paid",
    label="實際協助及核銷金額",
    label_en="Support paid",
    unit="元",
    kind="amount",
    division=DIV,
)
def grants_paid(period, user):
    """Amounts paid in the period, added up."""
    if not _grants_active(period, user):
        return None
    qs = registry.records(GrantApplication, user).filter(
        paid_on__range=(period.start, period.end), status=GrantStatus.PAID
    )
    return Decimal(qs.aggregate(v=Sum("paid_amount"))["v"] or 0)
