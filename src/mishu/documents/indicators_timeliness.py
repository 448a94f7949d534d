"""The monthly timeliness checks (按月辦理公文時效查核) the 研考 section reports: the months of
the period for which the register yields the monthly timeliness statistics (`timeliness`)."""

from decimal import Decimal

from mishu.indicators import registry

from . import timeliness
from .models import Document


@registry.computed(
    code="documents.timeliness_check_months",
    label="按月辦理公文時效查核月數",
    label_en="Months with timeliness statistics",
    unit="個月",
    kind="count",
    division="general-affairs",
)
def timeliness_check_months(period, user):
    """Months of the period with timeliness statistics (documents closed in the month);
    missing when there are none."""
    months = timeliness.months_with_statistics(registry.records(Document, user), period)
    return Decimal(len(months)) if months else None
