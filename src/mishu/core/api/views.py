"""API endpoints of the organisation."""

from ..models import Agency, Division
from .serializers import AgencySerializer, DivisionSerializer
from .viewsets import ReadOnlyRestrictedViewSet


class DivisionViewSet(ReadOnlyRestrictedViewSet):
    queryset = Division.objects.all()
    serializer_class = DivisionSerializer
    filterset_fields = ["code"]


class AgencyViewSet(ReadOnlyRestrictedViewSet):
    queryset = Agency.objects.all()
    serializer_class = AgencySerializer
    filterset_fields = ["code", "short_name", "active"]
