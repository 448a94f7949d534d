"""What 研考's records feed the report (壹一(四)): phone courtesy tests and their failed
checks, timeliness bulletins issued, document-handling training sessions and attendance.
A period with no record of the kind is missing (None), never zero."""

from decimal import Decimal

from django.db.models import Sum

from mishu.indicators import registry

from .choices import Check
from .models import Bulletin, PhoneTest, TrainingAttendance, TrainingSession

DIV = "general-affairs"


def _count(qs):
    n = qs.count()
    return Decimal(n) if n else None


@registry.computed(
    code="research.phone_tests",
    label="電話服務禮貌測試通數",
    label_en="Telephone courtesy test calls",
    unit="通",
    kind="count",
    division=DIV,
)
def phone_tests(period, user):
    """Test calls made in the period."""
    return _count(registry.records_in(PhoneTest, user, period, "tested_on"))


def _failures(period, user) -> dict[str, Decimal] | None:
    tests = list(registry.records_in(PhoneTest, user, period, "tested_on"))
    if not tests:
        return None
    return {c: Decimal(sum(c in t.failed for t in tests)) for c in Check.values}


@registry.computed(
    code="research.phone_failed_checks",
    label="電話禮貌測試未通過項目數",
    label_en="Failed checks in telephone courtesy tests",
    unit="通",
    kind="count",
    dimensions=("check",),
    division=DIV,
)
def phone_failed_checks(period, user, check=None):
    """Test calls that failed a check (one check with `check=`; any check without)."""
    if check is not None:
        failures = _failures(period, user)
        return None if failures is None else failures.get(check, Decimal(0))
    tests = list(registry.records_in(PhoneTest, user, period, "tested_on"))
    return Decimal(sum(bool(t.failed) for t in tests)) if tests else None


@phone_failed_checks.breakdown
def phone_failed_checks_by_check(period, user):
    return _failures(period, user) or {}


@registry.computed(
    code="research.bulletins",
    label="公文時效管制宣導電子期刊",
    label_en="Document timeliness e-bulletins issued",
    unit="期",
    kind="count",
    division=DIV,
)
def bulletins(period, user):
    """Bulletin issues published in the period."""
    return _count(registry.records_in(Bulletin, user, period, "published_on"))


@registry.computed(
    code="research.trainings",
    label="文書相關教育訓練場次",
    label_en="Document handling training sessions",
    unit="場次",
    kind="count",
    division=DIV,
)
def trainings(period, user):
    """Training sessions held in the period."""
    return _count(registry.records_in(TrainingSession, user, period, "held_on"))


@registry.computed(
    code="research.training_persons",
    label="文書相關教育訓練參加人次",
    label_en="Attendance at document handling training",
    unit="人次",
    kind="count",
    division=DIV,
)
def training_persons(period, user):
    """Persons attending the sessions held in the period."""
    qs = registry.records_in(TrainingAttendance, user, period, "session__held_on")
    n = qs.aggregate(n=Sum("persons"))["n"]
    return Decimal(n) if n else None
