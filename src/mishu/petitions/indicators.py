"""What petitions feed the report: cases received by competent agency, and the collective
petition KPI (average hours from arrival to dispersal).

A case belongs to the period in which it was received; a collective petition to its date.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from mishu.core.models import Agency
from mishu.indicators import registry

from .models import CollectivePetition, PetitionCase


def _cases(period, user, agency=None):
    qs = registry.records_in(PetitionCase, user, period, "received_on").filter(agency__isnull=False)
    return qs.filter(agency__short_name=agency) if agency else qs


@registry.computed(
    code="petitions.mayor_by_agency",
    label="市長室受理人民陳情案件",
    label_en="Petitions to the mayor's office by agency",
    unit="件",
    dimensions=("agency",),
    division="confidential",
    covered=registry.has_records(PetitionCase, "received_on"),
)
def mayor_by_agency(period, user, agency=None):
    """Cases received in the period (by competent agency)."""
    return Decimal(_cases(period, user, agency).count())


@mayor_by_agency.breakdown
def mayor_by_agency_breakdown(period, user):
    counts = dict(_cases(period, user).order_by().values_list("agency").annotate(n=Count("pk")))
    # Agencies in the city's order (the seed table's), only those with cases.
    return {
        a.short_name: Decimal(counts[a.pk])
        for a in Agency.objects.order_by("order", "code")
        if a.pk in counts
    }


@registry.computed(
    code="petitions.collective_dispersal_hours",
    label="集體陳情處理至完成解散平均時間",
    label_en="Average time to disperse collective petitions",
    unit="小時",
    kind="average",
    division="citizen-services",
)
def collective_dispersal_hours(period, user):
    """Average hours from arrival to dispersal of the period's collective petitions (2 dp)."""
    rows = registry.records_in(CollectivePetition, user, period, "date").filter(
        dispersed_at__isnull=False
    )
    hours = [r.hours for r in rows.only("arrived_at", "dispersed_at")]
    if not hours:
        return None
    return (sum(hours, Decimal(0)) / len(hours)).quantize(Decimal("0.01"), ROUND_HALF_UP)
