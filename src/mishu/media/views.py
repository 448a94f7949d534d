"""Media pages beyond the generic ones from registry.CRUDS: the press-release import and the
public list and page of published releases (the Atom feed links to them)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from mishu.core.views.imports import ObjectImportView

from .feeds import published
from .models import PressRelease


class PressReleaseImportView(ObjectImportView):
    """Upload press releases (an agency's own export); all or nothing, every bad row listed."""

    model = PressRelease

    def dispatch(self, request, *args, **kwargs):
        from .importing import PressReleaseImporter

        self.importer = PressReleaseImporter()
        return super().dispatch(request, *args, **kwargs)


class PublicReleaseListView(TemplateView):
    """Published press releases, newest first, for everyone."""

    template_name = "media/public_releases.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = published().order_by("-published_on", "-pk")
        ctx["page"] = Paginator(qs, 30).get_page(self.request.GET.get("page"))
        return ctx


class PublicReleaseView(TemplateView):
    """One published press release."""

    template_name = "media/public_release.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["release"] = get_object_or_404(published(), pk=self.kwargs["pk"])
        return ctx
