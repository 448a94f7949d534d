"""API: indicator definitions and values (read-only), observations (read-write)."""

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.api.viewsets import RestrictedModelViewSet

from .. import registry, services
from ..filtersets import ObservationFilterSet
from ..models import Observation
from .serializers import IndicatorDefSerializer, IndicatorValueSerializer, ObservationSerializer

PERIOD = OpenApiParameter(
    "period",
    OpenApiTypes.STR,
    required=True,
    description="Period code, e.g. 108H2, 108Q3, 108-07 or 108",
)


def _def(d):
    return {
        "code": d.code,
        "label": d.label,
        "label_en": d.label_en,
        "unit": d.unit,
        "dimensions": list(d.dimensions),
        "source": d.source,
        "app": d.app,
        "kind": d.kind,
        "allow_negative": d.allow_negative,
        "stock": d.stock,
        "division": d.division,
    }


class IndicatorViewSet(viewsets.ViewSet):
    """Every indicator (computed and observed); `value` gives a period's value and breakdown."""

    permission_classes = [IsAuthenticated]
    serializer_class = IndicatorDefSerializer
    lookup_field = "code"
    lookup_value_regex = r"[^/]+"

    def _get(self, code):
        try:
            return registry.get(code)
        except registry.UnknownIndicator:
            raise exceptions.NotFound() from None

    def list(self, request):
        return Response(IndicatorDefSerializer([_def(d) for d in registry.all()], many=True).data)

    def retrieve(self, request, code=None):
        return Response(IndicatorDefSerializer(_def(self._get(code))).data)

    @extend_schema(parameters=[PERIOD], responses=IndicatorValueSerializer)
    @action(detail=True, methods=["get"], serializer_class=IndicatorValueSerializer)
    def value(self, request, code=None):
        """The value for `period`, last year's, and cells: the share of `share_of` when the user
        may see only that division's records, else the organisation's."""
        d = self._get(code)
        try:
            period = formats.Period.parse(request.query_params.get("period", ""), field="period")
        except formats.FormatError as exc:
            raise exceptions.ValidationError({"period": [str(exc)]}) from None
        bd = registry.breakdown(d.code, period, request.user)
        data = {
            "code": d.code,
            "period": period.code,
            "value": registry.value(d.code, period, request.user),
            "previous_year": registry.previous_year(d.code, period, request.user),
            "cells": [{"cell": c, "value": v} for c, v in bd.as_cells()],
            "share_of": getattr(services.share_of(request.user), "code", None),
        }
        return Response(IndicatorValueSerializer(data).data)


class ObservationViewSet(RestrictedModelViewSet):
    queryset = Observation.objects.select_related("indicator", "division")
    serializer_class = ObservationSerializer
    filterset_class = ObservationFilterSet

    def _save(self, serializer, **extra):
        indicator = serializer.validated_data.get("indicator") or serializer.instance.indicator
        if not rights.can_add_to(self.request.user, indicator.division_id):
            raise exceptions.PermissionDenied()
        with transaction.atomic():
            serializer.save(division=indicator.division, **extra)

    def perform_create(self, serializer):
        self._save(serializer, created_by=self.request.user)

    def perform_update(self, serializer):
        self._save(serializer)
