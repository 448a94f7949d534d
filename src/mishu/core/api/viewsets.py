"""Base API viewsets: the restricted queryset applied to every endpoint."""

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .. import permissions as rights
from ..history import changes_for
from .serializers import ObjectChangeSerializer, restrict_related_fields


class RestrictedViewSetMixin:
    """Narrows `queryset` to the request user's rights for the request's action."""

    def get_queryset(self):
        action = {
            "list": rights.VIEW,
            "retrieve": rights.VIEW,
            "history": rights.VIEW,
            "create": rights.ADD,
            "update": rights.CHANGE,
            "partial_update": rights.CHANGE,
            "destroy": rights.DELETE,
        }.get(self.action, rights.VIEW)
        return super().get_queryset().restrict(self.request.user, action)

    def get_serializer(self, *args, **kwargs):
        # every record a request may name (a venue, a vehicle, a parent case) is limited by the
        # same rule as the record itself, before the serializer validates anything
        serializer = super().get_serializer(*args, **kwargs)
        request = getattr(self, "request", None)
        if request is not None and getattr(request, "user", None) is not None:
            action = rights.ADD if self.action == "create" else rights.CHANGE
            restrict_related_fields(serializer, request.user, action)
        return serializer


class ReadOnlyRestrictedViewSet(RestrictedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Read-only endpoint over a restricted queryset."""


class RestrictedModelViewSet(RestrictedViewSetMixin, viewsets.ModelViewSet):
    """Read-write endpoint; creation is allowed only into divisions the user may write to."""

    def perform_create(self, serializer):
        division = serializer.validated_data.get("division")
        if division is not None and not rights.can_add_to(self.request.user, division.pk):
            raise exceptions.PermissionDenied()
        extra = {}
        if "created_by" in {f.name for f in serializer.Meta.model._meta.fields}:
            extra["created_by"] = self.request.user
        with transaction.atomic():
            serializer.save(**extra)

    def perform_update(self, serializer):
        division = serializer.validated_data.get("division")
        if division is not None and not rights.can_add_to(self.request.user, division.pk):
            raise exceptions.PermissionDenied()
        with transaction.atomic():
            serializer.save()

    @extend_schema(
        responses=inline_serializer(
            "ChangeLogPage",
            {
                "count": serializers.IntegerField(),
                "next": serializers.URLField(allow_null=True),
                "previous": serializers.URLField(allow_null=True),
                "results": ObjectChangeSerializer(many=True),
            },
        ),
        parameters=[
            OpenApiParameter("limit", int, required=False),
            OpenApiParameter("offset", int, required=False),
        ],
        filters=False,
    )
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """The change log of this record."""
        obj = self.get_object()
        page = self.paginate_queryset(changes_for(obj))
        return (
            self.get_paginated_response(ObjectChangeSerializer(page, many=True).data)
            if page is not None
            else Response(ObjectChangeSerializer(changes_for(obj), many=True).data)
        )
