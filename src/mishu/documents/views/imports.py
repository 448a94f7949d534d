"""The import page: upload a file; it becomes an import job (a background task when a broker is
configured) whose progress page polls `?format=json` until it is done or lists every bad row."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from mishu.core import permissions as rights
from mishu.core.exports import FORMATS, export_response
from mishu.core.tabular import limits

from .. import importing, tasks
from ..jobs import fail_stale_jobs
from ..models import ImportJob


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV, XLSX or ODS)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > limits().bytes:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": limits().megabytes}
            )
        return upload


class DocumentImportView(LoginRequiredMixin, TemplateView):
    template_name = "documents/import.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and rights.division_scope(request.user, "add") is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("template")
        if fmt in FORMATS:
            return export_response(
                fmt, "document-import", list(importing.COLUMNS), [importing.EXAMPLE]
            )
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        job = ImportJob.objects.create(
            user=request.user, file_name=upload.name, content=upload.read()
        )
        tasks.import_documents.delay(job.pk)
        return redirect("documents:import_job", pk=job.pk)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(formats=FORMATS, columns=importing.COLUMNS, required=importing.REQUIRED)
        return ctx


class ImportJobView(LoginRequiredMixin, TemplateView):
    template_name = "documents/import_job.html"

    def job(self):
        jobs = ImportJob.objects.filter(user=self.request.user)
        fail_stale_jobs(jobs.filter(pk=self.kwargs["pk"]))  # a stopped job says so, not 62%
        return get_object_or_404(jobs, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            job = self.job()
            return JsonResponse(
                {
                    "status": job.status,
                    "total": job.total,
                    "done": job.done,
                    "percent": job.percent,
                    "written": job.written,
                    "errors": len(job.errors),
                }
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["job"] = self.job()
        return ctx
