from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import formats
from mishu.core.api.viewsets import ReadOnlyRestrictedViewSet

from .. import services
from ..models import KPI, Objective
from .serializers import EvaluationSerializer, KPISerializer, ObjectiveSerializer


class ObjectiveViewSet(ReadOnlyRestrictedViewSet):
    queryset = Objective.objects.prefetch_related("kpis")
    serializer_class = ObjectiveSerializer
    filterset_fields = ["year", "code"]


class KPIViewSet(ReadOnlyRestrictedViewSet):
    queryset = KPI.objects.select_related("objective")
    serializer_class = KPISerializer
    filterset_fields = ["year", "code", "indicator_code"]

    @extend_schema(
        parameters=[OpenApiParameter("period", OpenApiTypes.STR, required=True)],
        responses=EvaluationSerializer,
    )
    @action(detail=True, methods=["get"], serializer_class=EvaluationSerializer)
    def evaluate(self, request, pk=None):
        """Actual, target and achievement for `period`."""
        kpi = self.get_object()
        try:
            period = formats.Period.parse(request.query_params.get("period", ""), field="period")
        except formats.FormatError as exc:
            raise exceptions.ValidationError({"period": [str(exc)]}) from None
        ev = services.evaluate(kpi, period)  # the organisation's figure, whoever asks
        return Response(
            EvaluationSerializer(
                {
                    "period": period.code,
                    "actual": ev.actual,
                    "target": ev.target,
                    "achievement": ev.achievement,
                }
            ).data
        )
