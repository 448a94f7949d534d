from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from mishu.core.api.viewsets import RestrictedModelViewSet

from .. import services, signoff
from ..choices import ExtensionStatus
from ..filtersets import DocumentFilterSet
from ..models import Document
from .serializers import (
    DecisionSerializer,
    DocumentSerializer,
    EventSerializer,
    ExtensionSerializer,
    SignoffFileSerializer,
    SignoffUploadSerializer,
    TransitionSerializer,
)


class DocumentViewSet(RestrictedModelViewSet):
    """The register. Filters: q, office, direction, state, speed, handling_mode, timeliness,
    period (e.g. 108H2), open, control (overdue / near / long_pending), division, handler."""

    queryset = Document.objects.select_related("division")
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilterSet

    def _run(self, fn):
        try:
            return fn()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc

    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        doc = self.get_object()
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        doc = self._run(
            lambda: services.transition(
                doc,
                v["transition"],
                request.user,
                on=v.get("on"),
                note=v["note"],
                handler=v.get("handler"),
            )
        )
        return Response(DocumentSerializer(doc).data)

    @action(detail=True, methods=["post"])
    def extend(self, request, pk=None):
        doc = self.get_object()
        data = ExtensionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        ext = self._run(
            lambda: services.request_extension(doc, v["new_deadline"], v["reason"], request.user)
        )
        return Response({"id": ext.pk, "status": ext.status}, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        """A supervisor approves or rejects the document's pending extension, with a reason."""
        doc = self.get_object()
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        ext = doc.extensions.filter(status=ExtensionStatus.REQUESTED).first()
        if ext is None:
            raise serializers.ValidationError({"extension": _("No extension is pending.")})
        try:
            ext = self._run(
                lambda: services.decide_extension(ext, v["approve"], request.user, v["note"])
            )
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response({"id": ext.pk, "status": ext.status, "deadline": ext.document.deadline})

    @action(detail=True, methods=["get"])
    def events(self, request, pk=None):
        doc = self.get_object()
        return Response(EventSerializer(doc.events.all(), many=True).data)

    @action(
        detail=True,
        methods=["get", "post"],
        url_path="signoff-files",
        serializer_class=SignoffUploadSerializer,
    )
    def signoff_files(self, request, pk=None):
        """GET: the document's DI/SI files (what was read from them, with their digest).
        POST (multipart: kind = di|si, file): attach a file; it is checked first."""
        doc = self.get_object()
        if request.method == "POST":
            data = SignoffUploadSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            v = data.validated_data
            try:
                kept = self._run(
                    lambda: signoff.attach_upload(doc, v["kind"], v["file"], request.user)
                )
            except DjangoPermissionDenied as exc:
                raise PermissionDenied(str(exc)) from exc
            return Response(SignoffFileSerializer(kept).data, status=status.HTTP_201_CREATED)
        return Response(SignoffFileSerializer(doc.signoff_files.all(), many=True).data)
