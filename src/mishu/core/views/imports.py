"""The generic import page: download a template, upload a file, see every rejected row."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import permissions as rights
from ..exports import FORMATS, export_response
from ..imports import FileInvalid, read_table, require_columns, run_import


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV, XLSX or ODS)"))


class ObjectImportView(LoginRequiredMixin, TemplateView):
    """Import records of `model` from a table; `importer` is a module-like object with
    `COLUMNS`, `EXAMPLE` (one example row), `prepare(row, user)` and `write(prepared)`."""

    template_name = "core/object_import.html"
    model = None
    importer = None

    def dispatch(self, request, *args, **kwargs):
        if (
            request.user.is_authenticated
            and rights.division_scope(request.user, rights.ADD) is None
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("template")
        if fmt in FORMATS:
            return export_response(
                fmt,
                f"{self.model._meta.model_name}-import",
                list(self.importer.COLUMNS),
                [self.importer.EXAMPLE],
            )
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        ctx = {"form": form}
        if form.is_valid():
            try:
                rows = read_table(form.cleaned_data["file"])
                require_columns(rows, self.importer.REQUIRED)
                ctx["result"] = run_import(
                    rows,
                    lambda row: self.importer.prepare(row, request.user),
                    self.importer.write,
                    user=request.user,
                )
            except FileInvalid as exc:
                form.add_error("file", str(exc))
        return self.render_to_response(self.get_context_data(**ctx), status=200)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        meta = self.model._meta
        ctx.update(
            model_name_plural=meta.verbose_name_plural,
            formats=FORMATS,
            columns=self.importer.COLUMNS,
            required=self.importer.REQUIRED,
            list_url=reverse(f"{meta.app_label}:{meta.model_name}_list"),
        )
        return ctx
