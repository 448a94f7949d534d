import django_filters
from django.utils.translation import gettext_lazy as _

from mishu.core.filtersets import PeriodFilter

from . import models


def _filterset(model, *fields, date_field="date"):
    """A filterset of `model` by division, `fields` and a period on its date."""
    meta = type("Meta", (), {"model": model, "fields": ["division", *fields]})
    attrs = {"Meta": meta}
    if date_field:
        attrs["period"] = PeriodFilter(field_name=date_field, label=_("Period"))
    return type(f"{model.__name__}FilterSet", (django_filters.FilterSet,), attrs)


CounterContactFilterSet = _filterset(models.CounterContact, "category")
CoordinatedPetitionFilterSet = _filterset(models.CoordinatedPetition, "kind")
ProfessionalConsultationFilterSet = _filterset(models.ProfessionalConsultation, "field")
VolunteerServiceFilterSet = _filterset(models.VolunteerService)
NursingRoomFilterSet = _filterset(models.NursingRoom, date_field=None)
NursingRoomUseFilterSet = _filterset(models.NursingRoomUse, "room")
