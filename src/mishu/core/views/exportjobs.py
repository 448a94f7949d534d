"""A long export's page (progress, then the download link) and its download."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import TemplateView

from .. import exportjobs
from ..exports import CONTENT_TYPES


class ExportJobMixin(LoginRequiredMixin):
    def job(self):
        jobs = exportjobs.visible_to(self.request.user)
        exportjobs.fail_stale(jobs.filter(pk=self.kwargs["pk"]))  # a stopped job says so
        return get_object_or_404(jobs, pk=self.kwargs["pk"])


class ExportJobView(ExportJobMixin, TemplateView):
    """Progress of an export job (`?format=json` for the page's polling), then its link."""

    template_name = "core/export_job.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            job = self.job()
            return JsonResponse(
                {
                    "status": job.status,
                    "total": job.total,
                    "done": job.done,
                    "percent": job.percent,
                }
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "job": self.job(),
            "keep_days": settings.MISHU_EXPORT_KEEP_DAYS,
        }


class ExportJobDownloadView(ExportJobMixin, View):
    """The file of a finished export, for its requester or their division's staff."""

    def get(self, request, *args, **kwargs):
        job = self.job()
        if job.status != "done" or not job.file:
            raise Http404
        response = FileResponse(job.file.open("rb"), content_type=CONTENT_TYPES[job.fmt])
        response["Content-Disposition"] = exportjobs.disposition(job)
        return response
