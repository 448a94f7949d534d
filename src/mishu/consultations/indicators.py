"""What the citizen-service counters feed the report: three category × month tables, the
volunteers' figures and the nursing rooms. Every tally row carries a count; the indicators sum it.
"""

from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from mishu.core.formats import Period
from mishu.indicators import registry

from .choices import (
    CONSULTATION_MEMBERS,
    COORDINATION_MEMBERS,
    COUNTER_MEMBERS,
    ConsultationField,
    CoordinationKind,
    CounterCategory,
)
from .models import (
    CoordinatedPetition,
    CounterContact,
    NursingRoom,
    NursingRoomUse,
    ProfessionalConsultation,
    VolunteerService,
)

CATEGORY_MONTH = ("category", "month")
DIVISION = "citizen-services"


def _category_by_month(code, label, label_en, model, field, members):
    """Declare a category × month count indicator over `model`'s `count`, where `field` holds the
    category and `members` names each category as the report does."""
    by_member = {name: value for value, name in members.items()}

    def rows(period, user, category=None, month=None):
        qs = registry.records_in(model, user, period, "date")
        if category is not None:
            if category not in by_member:
                return qs.none()
            qs = qs.filter(**{field: by_member[category]})
        if month is not None:
            m = Period.parse(month)
            qs = qs.filter(date__range=(m.start, m.end))
        return qs

    @registry.computed(
        code=code,
        label=label,
        label_en=label_en,
        unit="件",
        dimensions=CATEGORY_MONTH,
        division=DIVISION,
        covered=registry.has_records(model, "date"),
    )
    def total(period, user, category=None, month=None):
        return Decimal(rows(period, user, category, month).aggregate(v=Sum("count"))["v"] or 0)

    @total.breakdown
    def breakdown(period, user):
        sums = {
            (value, y, m): n
            for value, y, m, n in rows(period, user)
            .order_by()
            .values_list(field, ExtractYear("date"), ExtractMonth("date"))
            .annotate(n=Sum("count"))
        }
        months = sorted({(y, m) for _v, y, m in sums})
        # Categories in their declared order, months in order, only cells with records.
        return {
            (members[value], Period("month", y, m).code): Decimal(sums[(value, y, m)])
            for value in members
            for y, m in months
            if (value, y, m) in sums
        }

    return total


counter_contacts = _category_by_month(
    "services.counter_contacts",
    "綜合諮詢櫃檯市政業務諮詢服務",
    "Information counter enquiries",
    CounterContact,
    "category",
    {CounterCategory(k): v for k, v in COUNTER_MEMBERS.items()},
)
coordinated_petitions = _category_by_month(
    "services.coordinated_petitions",
    "協處民眾個別陳情及集體陳情",
    "Petitions coordinated",
    CoordinatedPetition,
    "kind",
    {CoordinationKind(k): v for k, v in COORDINATION_MEMBERS.items()},
)
professional_consultations = _category_by_month(
    "services.professional_consultations",
    "專業諮詢服務",
    "Professional consultations (legal/building/land)",
    ProfessionalConsultation,
    "field",
    {ConsultationField(k): v for k, v in CONSULTATION_MEMBERS.items()},
)


def _sum(model, field, period, user):
    result = registry.records_in(model, user, period, "date").aggregate(v=Sum(field))["v"]
    return Decimal(result or 0)


@registry.computed(
    code="volunteers.service_persons",
    label="志工服務人次",
    label_en="Persons served by volunteers",
    unit="人次",
    division=DIVISION,
    covered=registry.has_records(VolunteerService, "date"),
)
def service_persons(period, user):
    """Persons the volunteer desks served in the period."""
    return _sum(VolunteerService, "persons_served", period, user)


@registry.computed(
    code="volunteers.leaflets",
    label="志工協助發送文宣資料",
    label_en="Leaflets handed out by volunteers",
    unit="份",
    division=DIVISION,
    covered=registry.has_records(VolunteerService, "date"),
)
def leaflets(period, user):
    """Leaflets the volunteers handed out in the period."""
    return _sum(VolunteerService, "leaflets", period, user)


@registry.computed(
    code="services.nursing_rooms",
    label="市政大樓哺集乳室",
    label_en="Nursing rooms",
    unit="間",
    division=DIVISION,
    covered=registry.has_records(NursingRoom),
    stock=True,
)
def nursing_rooms(period, user):
    """Nursing rooms open at some time in the period."""
    qs = registry.records(NursingRoom, user).filter(opened_on__lte=period.end)
    return Decimal(qs.filter(Q(closed_on=None) | Q(closed_on__gte=period.start)).count())


@registry.computed(
    code="services.nursing_room_uses",
    label="哺集乳室使用服務",
    label_en="Nursing room uses",
    unit="人次",
    division=DIVISION,
    covered=registry.has_records(NursingRoomUse, "date"),
)
def nursing_room_uses(period, user):
    """Uses of the nursing rooms in the period."""
    return _sum(NursingRoomUse, "count", period, user)
