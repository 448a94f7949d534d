from django.core.exceptions import ValidationError
from rest_framework import serializers as drf
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from mishu.core import permissions as rights
from mishu.core.api.viewsets import ReadOnlyRestrictedViewSet, RestrictedModelViewSet

from .. import services
from ..filtersets import CollectivePetitionFilterSet, PetitionCaseFilterSet
from ..models import AgencyContact, CollectivePetition, PetitionCase
from .serializers import (
    AgencyContactSerializer,
    CaseActionSerializer,
    CollectivePetitionSerializer,
    PetitionCaseSerializer,
    PetitionEventSerializer,
)


class PetitionCaseViewSet(ReadOnlyRestrictedViewSet):
    """Petition cases without personal data; the workflow moves through `POST …/act/`."""

    queryset = PetitionCase.objects.select_related("agency", "division")
    serializer_class = PetitionCaseSerializer
    filterset_class = PetitionCaseFilterSet

    @action(detail=True, methods=["get"])
    def events(self, request, pk=None):
        """The named workflow events of the case."""
        case = self.get_object()
        return Response(PetitionEventSerializer(case.events.all(), many=True).data)

    @action(detail=True, methods=["post"], serializer_class=CaseActionSerializer)
    def act(self, request, pk=None):
        """Apply one workflow action (assigned, reassigned, started, extended, replied, …)."""
        case = self.get_object()
        if not rights.can(request.user, rights.CHANGE, case):
            raise PermissionDenied()
        ser = CaseActionSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        name = data.pop("action")
        if "decline_reason" in data:
            data["reason"] = data.pop("decline_reason")
        try:
            services.act(case, name, request.user, **data)
        except ValidationError as exc:
            raise drf.ValidationError(getattr(exc, "message_dict", None) or exc.messages) from None
        case.refresh_from_db()
        return Response(PetitionCaseSerializer(case).data)


class CollectivePetitionViewSet(RestrictedModelViewSet):
    queryset = CollectivePetition.objects.select_related("agency", "division")
    serializer_class = CollectivePetitionSerializer
    filterset_class = CollectivePetitionFilterSet


class AgencyContactViewSet(RestrictedModelViewSet):
    queryset = AgencyContact.objects.select_related("agency", "division")
    serializer_class = AgencyContactSerializer
