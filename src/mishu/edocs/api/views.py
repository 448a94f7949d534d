"""API of the agencies' e-document returns: the returns (filters `period`, `agency`) and the
period's summary (every agency, the city's total, who has not filed)."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.api.serializers import ModelCleanSerializer
from mishu.core.api.viewsets import RestrictedModelViewSet
from mishu.core.models import Agency

from .. import services as svc
from ..forms import EDocumentReturnFilterSet
from ..models import FIGURE_FIELDS, EDocumentReturn


class EDocumentReturnSerializer(ModelCleanSerializer):
    """A return; `agency` is the agency's code (e.g. `finance`). The secretariat's sign-off
    fields are ignored: the register counts them."""

    agency = serializers.SlugRelatedField(slug_field="code", queryset=Agency.objects.all())
    agency_name = serializers.CharField(source="agency.short_name", read_only=True)

    class Meta:
        model = EDocumentReturn
        fields = [
            "id",
            "division",
            "agency",
            "agency_name",
            "period",
            "starts_on",
            "ends_on",
            *FIGURE_FIELDS,
            "note",
            "created",
            "last_updated",
        ]
        read_only_fields = ["division", "starts_on", "ends_on", "created", "last_updated"]
        validators = []  # one return per agency and period: the model's clean() says so


def _row(row) -> dict:
    figures = {
        n: (str(v) if n.endswith("_boxes") else v)
        for n, v in row.figures.items()
        if n in FIGURE_FIELDS
    }
    return {
        "agency": row.agency.code if row.agency else None,
        "agency_name": row.agency.short_name if row.agency else None,
        "status": row.status,
        "sign_off_from_register": row.from_register,
        **figures,
        "ratios": {m: (None if v is None else str(v)) for m, v in row.ratios.items()},
    }


class EDocumentReturnViewSet(RestrictedModelViewSet):
    """E-document returns (電子公文節能減紙績效填報). Filters: period (108, 108H2: the returns
    within it), agency (code or name). Written by the documents division only."""

    queryset = EDocumentReturn.objects.select_related("division", "agency")
    serializer_class = EDocumentReturnSerializer
    filterset_class = EDocumentReturnFilterSet

    def create(self, request, *args, **kwargs):
        if not rights.can_add_to(request.user, svc.division().pk):
            raise exceptions.PermissionDenied()  # before the body is checked
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        with transaction.atomic():
            serializer.save(division=svc.division(), created_by=self.request.user)

    @extend_schema(
        parameters=[OpenApiParameter("period", OpenApiTypes.STR, description="e.g. 108 or 108H2")]
    )
    @action(detail=False, methods=["get"])
    def summary(self, request):
        """Every agency's figures and ratios for the period, the city's total and its ratios."""
        text = (request.query_params.get("period") or "").strip()
        try:
            period = formats.Period.parse(text, field=_("Period"))
        except formats.FormatError as exc:
            raise serializers.ValidationError({"period": [str(exc)]}) from None
        if period.kind not in ("year", "half"):
            raise serializers.ValidationError(
                {"period": [_("Period must be a year (e.g. 108) or a half-year.")]}
            )
        rows, total = svc.summary(period, request.user)
        return Response(
            {
                "period": period.code,
                "agencies": [_row(r) for r in rows],
                "total": _row(total),
                "not_filed": [r.agency.code for r in rows if r.status == svc.MISSING],
            }
        )
