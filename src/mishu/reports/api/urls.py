from .drafts import DraftSectionViewSet, ReportDraftViewSet
from .views import BuiltReportViewSet, ReportTemplateViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    router.register("reports/templates", ReportTemplateViewSet)
    router.register("reports/built", BuiltReportViewSet)
    router.register("reports/drafts", ReportDraftViewSet)
    router.register("reports/sections", DraftSectionViewSet)
