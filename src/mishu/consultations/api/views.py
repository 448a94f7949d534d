from mishu.core.api.serializers import ModelCleanSerializer
from mishu.core.api.viewsets import RestrictedModelViewSet

from .. import filtersets, models


def _viewset(model, filterset):
    """A restricted read-write endpoint of `model` with every editable field; the model's own
    clean() rules apply as in the forms."""
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "exclude": ["created_by"],
            "read_only_fields": ["created", "last_updated"],
        },
    )
    serializer = type(f"{model.__name__}Serializer", (ModelCleanSerializer,), {"Meta": meta})
    return type(
        f"{model.__name__}ViewSet",
        (RestrictedModelViewSet,),
        {
            "queryset": model.objects.select_related("division"),
            "serializer_class": serializer,
            "filterset_class": filterset,
        },
    )


ENDPOINTS = {
    "counter-contacts": _viewset(models.CounterContact, filtersets.CounterContactFilterSet),
    "coordinated-petitions": _viewset(
        models.CoordinatedPetition, filtersets.CoordinatedPetitionFilterSet
    ),
    "professional-consultations": _viewset(
        models.ProfessionalConsultation, filtersets.ProfessionalConsultationFilterSet
    ),
    "volunteer-services": _viewset(models.VolunteerService, filtersets.VolunteerServiceFilterSet),
    "nursing-rooms": _viewset(models.NursingRoom, filtersets.NursingRoomFilterSet),
    "nursing-room-uses": _viewset(models.NursingRoomUse, filtersets.NursingRoomUseFilterSet),
}
