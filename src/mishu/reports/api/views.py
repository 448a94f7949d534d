from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import formats

from ..models import BuiltReport, ReportTemplate
from ..rendering import TemplateError, render_report
from .serializers import BuiltReportSerializer, ReportTemplateSerializer


class EditorOrReadOnly(permissions.IsAuthenticated):
    """Signed-in users read; evaluators and administrators write."""

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.has_role(
            "evaluator", "admin"
        )


class ReportTemplateViewSet(viewsets.ModelViewSet):
    queryset = ReportTemplate.objects.all()
    serializer_class = ReportTemplateSerializer
    permission_classes = [EditorOrReadOnly]

    @action(detail=True, methods=["get"])
    def render(self, request, pk=None):
        """The template rendered for `?period=108H2`: Markdown and the missing values."""
        try:
            period = formats.Period.parse(request.query_params.get("period", ""), field="period")
        except formats.FormatError as exc:
            return Response({"period": [str(exc)]}, status=400)
        try:
            rendered = render_report(period, self.get_object(), request.user)
        except TemplateError as exc:
            return Response({"body": [str(p) for p in exc.problems]}, status=400)
        return Response(
            {
                "period": period.code,
                "markdown": rendered.markdown,
                "missing": [str(m) for m in rendered.missing],
                "from_snapshot": rendered.from_snapshot,
            }
        )


class BuiltReportViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = BuiltReport.objects.all()
    serializer_class = BuiltReportSerializer
    permission_classes = [permissions.IsAuthenticated]
