"""API of report drafts: read drafts and sections; start a draft, edit a section, comment and
take workflow steps through ``reports.drafts`` (the same rules as the pages)."""

from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import formats

from .. import drafts
from ..models import DraftSection, ReportDraft
from .serializers import DraftSectionSerializer, ReportDraftSerializer


def _refused(exc):
    return Response({"detail": str(exc)}, status=400)


class ReportDraftViewSet(viewsets.ReadOnlyModelViewSet):
    """Drafts per period. POST `start` {period}; POST `{id}/step` {step: compile|review|finalise|reopen}."""

    queryset = ReportDraft.objects.prefetch_related("sections__division")
    serializer_class = ReportDraftSerializer
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "period"

    @action(detail=False, methods=["post"])
    def start(self, request):
        try:
            period = formats.Period.parse(str(request.data.get("period", "")), field="period")
            draft = drafts.start(period, request.user)
        except formats.FormatError as exc:
            return Response({"period": [str(exc)]}, status=400)
        except drafts.DraftError as exc:
            return _refused(exc)
        return Response(ReportDraftSerializer(draft).data, status=201)

    @action(detail=True, methods=["post"])
    def step(self, request, period=None):
        try:
            draft = drafts.draft_step(
                self.get_object(), str(request.data.get("step", "")), request.user
            )
        except drafts.DraftError as exc:
            return _refused(exc)
        return Response(ReportDraftSerializer(draft).data)


class DraftSectionViewSet(viewsets.ReadOnlyModelViewSet):
    """Sections. PATCH-like POST `{id}/edit` {body, note}; POST `{id}/step` {step:
    submit|approve|return}; POST `{id}/comment` {text}."""

    queryset = DraftSection.objects.select_related("draft", "division")
    serializer_class = DraftSectionSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["draft", "key", "state"]

    @action(detail=True, methods=["post"])
    def edit(self, request, pk=None):
        try:
            section = drafts.save_section(
                self.get_object(),
                str(request.data.get("body", "")),
                request.user,
                str(request.data.get("note", "")),
            )
        except drafts.DraftError as exc:
            return _refused(exc)
        return Response(DraftSectionSerializer(section).data)

    @action(detail=True, methods=["post"])
    def step(self, request, pk=None):
        try:
            section = drafts.section_step(
                self.get_object(), str(request.data.get("step", "")), request.user
            )
        except drafts.DraftError as exc:
            return _refused(exc)
        return Response(DraftSectionSerializer(section).data)

    @action(detail=True, methods=["post"])
    def comment(self, request, pk=None):
        try:
            made = drafts.comment(
                self.get_object(), str(request.data.get("text", "")), request.user
            )
        except drafts.DraftError as exc:
            return _refused(exc)
        return Response({"id": made.pk, "text": made.text}, status=201)
