"""The archives' own pages: the catalogue, filing a closed document, the retention-due list (and
drawing a destruction list from it), a destruction list's review, the catalogue submission."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import permissions as rights
from mishu.core.models import Agency, Division
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from . import forms, workflow
from .filtersets import CatalogueFilterSet
from .models import ArchiveItem, DestructionEntry, DestructionList
from .services import catalogue, destruction, filing


def _errors(exc: ValidationError) -> str:
    return " ".join(
        m for ms in getattr(exc, "message_dict", {"": exc.messages}).values() for m in ms
    )


class CatalogueView(generic.ObjectListView):
    """The catalogue (檔案目錄): every item the user may see, searchable by 檔號, subject, date,
    class; exported as CSV/XLSX/ODS like every list."""

    def filtered(self):
        qs = self.get_queryset()
        fs = CatalogueFilterSet(self.request.GET or None, queryset=qs, request=self.request)
        if not fs.is_bound:
            return fs, qs
        return fs, fs.qs if fs.is_valid() else qs.none()


class DescribeOnlyEditView(generic.ObjectEditView):
    """Records made by a service (items by filing, transfers from the due list): here only
    their description is corrected, and nothing is added."""

    def get_instance(self):
        if "pk" not in self.kwargs:
            raise Http404
        return super().get_instance()


class FilingView(LoginRequiredMixin, TemplateView):
    """File a closed document of one's division into a case file (歸檔)."""

    template_name = "archives/file.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", forms.FilingForm(user=self.request.user))
        return ctx

    def post(self, request):
        from mishu.documents.models import Document

        form = forms.FilingForm(request.POST, user=request.user)
        if form.is_valid():
            doc = (
                Document.objects.restrict(request.user, rights.VIEW)
                .filter(number=form.cleaned_data["number"].strip())
                .first()
            )
            if doc is None:
                form.add_error("number", _("No document with this number in your division."))
            else:
                try:
                    item = filing.file_document(
                        request.user,
                        doc,
                        form.cleaned_data["case_file"],
                        volume_no=form.cleaned_data["volume_no"],
                        filed_on=form.cleaned_data["filed_on"],
                    )
                except ValidationError as exc:
                    form.add_error(None, _errors(exc))
                except PermissionDenied:
                    form.add_error(None, _("You may not file into this case file."))
                else:
                    messages.success(request, _("Filed as %(code)s") % {"code": item.file_code})
                    return redirect(item.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class RetentionDueView(LoginRequiredMixin, TemplateView):
    """Case files whose retention has run out, per office; a destruction list is drawn from them."""

    template_name = "archives/retention_due.html"

    def due(self):
        division = self.request.GET.get("division")
        qs = filing.retention_due(self.request.user)
        if division and division.isdigit():
            qs = qs.filter(division_id=int(division))
        return qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        from django.core.paginator import Paginator

        qs = self.due()
        ctx["page"] = Paginator(qs, 100).get_page(self.request.GET.get("page"))
        ctx["total"] = qs.count()
        ctx.setdefault("form", forms.DrawListForm(queryset=qs))
        ctx["can_draw"] = rights.division_scope(self.request.user, rights.ADD) is not None
        return ctx

    def post(self, request):
        user = request.user
        qs = (
            self.due()
            .filter(pk__in=_posted_ids(request))
            .filter(division__in=Division.objects.restrict(user, rights.VIEW))
        )
        form = forms.DrawListForm(request.POST, queryset=qs)
        if form.is_valid():
            files = list(form.cleaned_data["case_files"])
            division = files[0].division
            try:
                dlist = destruction.draw_list(user, division, form.cleaned_data["title"], files)
            except ValidationError as exc:
                form.add_error(None, _errors(exc))
            except PermissionDenied:
                form.add_error(None, _("You may not draw a list for this office."))
            else:
                messages.success(request, _("Destruction list drawn: %(t)s") % {"t": dlist})
                return redirect(dlist.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


def _posted_ids(request) -> list[int]:
    return [int(v) for v in request.POST.getlist("case_files") if v.isdigit()]


class DestructionListDetailView(generic.ObjectDetailView):
    """A destruction list: its fields, its entries (taken off or not), its review steps, and the
    steps allowed now."""

    template_name = "archives/destructionlist_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        obj = ctx["object"]
        ctx["entries"] = obj.entries.select_related("case_file__archive_class")
        ctx["steps"] = obj.steps.select_related("user")
        ctx["allowed"] = [(n, workflow.label(n)) for n in workflow.allowed(obj.state)]
        ctx["removable"] = obj.state in workflow.REMOVABLE and ctx["can_change"]
        ctx.setdefault("step_form", forms.StepForm())
        return ctx

    def post(self, request, pk):
        dlist = get_object_or_404(
            DestructionList.objects.restrict(request.user, rights.CHANGE), pk=pk
        )
        try:
            if "entry" in request.POST:
                form = forms.TakeOffForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Give the reason for keeping the file."))
                entry = get_object_or_404(
                    DestructionEntry, pk=form.cleaned_data["entry"], destruction_list=dlist
                )
                destruction.take_off(
                    request.user,
                    entry,
                    form.cleaned_data["reason"],
                    form.cleaned_data["keep_years"],
                )
                messages.success(request, _("Taken off the list: %(c)s") % {"c": entry.case_file})
            else:
                form = forms.StepForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Unknown step."))
                data = form.cleaned_data
                destruction.step(
                    request.user,
                    dlist,
                    data["step"],
                    on=data["on"],
                    note=data["note"],
                    approval_no=data["approval_no"],
                    method=data["method"],
                    witness=data["witness"],
                )
                messages.success(
                    request, _("Recorded: %(s)s") % {"s": workflow.label(data["step"])}
                )
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        except PermissionDenied:
            messages.error(request, _("You may not take this step."))
        return redirect(reverse("archives:destructionlist_detail", args=[pk]))


class SubmitCatalogueView(LoginRequiredMixin, TemplateView):
    """Build and record the secretariat's half-year catalogue submission (目錄彙送)."""

    template_name = "archives/submit.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", forms.SubmitCatalogueForm())
        return ctx

    def post(self, request):
        form = forms.SubmitCatalogueForm(request.POST)
        division = request.user.division
        if form.is_valid():
            if division is None:
                form.add_error(None, _("You belong to no division."))
            else:
                data = form.cleaned_data
                try:
                    sub = catalogue.submit(
                        request.user,
                        division,
                        Agency.objects.get(code=destruction.SECRETARIAT),
                        data["year"],
                        data["half"],
                        data["submitted_on"],
                    )
                except ValidationError as exc:
                    form.add_error(None, _errors(exc))
                except PermissionDenied:
                    form.add_error(None, _("You may not submit this catalogue."))
                else:
                    messages.success(request, _("Submitted: %(n)s records") % {"n": sub.records})
                    return redirect(sub.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class ApplicationDetailView(generic.ObjectDetailView):
    """An application: masked applicant, the deadline and whether the decision came in time,
    the decision form while pending, the reading-room visits."""

    template_name = "archives/application_detail.html"
    fields = [
        "masked_name",
        "applicant_kind",
        "purpose",
        "received_on",
        "requested",
        "reason",
        "deadline",
        "state",
        "decided_on",
        "in_time",
        "refusal_reason",
        "decision_note",
        "division",
    ]

    def get_context_data(self, **kwargs):
        from .services.applications import can_see_applicant

        ctx = super().get_context_data(**kwargs)
        obj = ctx["object"]
        ctx["visits"] = obj.visits.all()
        ctx["pending"] = obj.state == "pending" and ctx["can_change"]
        ctx["approved"] = obj.state == "approved" and ctx["can_change"]
        ctx.setdefault("decision_form", forms.DecisionForm())
        ctx.setdefault("visit_form", forms.VisitForm())
        ctx["can_reveal"] = can_see_applicant(self.request.user)
        return ctx

    def post(self, request, pk):
        from .models import ArchiveApplication
        from .services import applications

        app = get_object_or_404(
            ArchiveApplication.objects.restrict(request.user, rights.CHANGE), pk=pk
        )
        try:
            if "visited_on" in request.POST:
                form = forms.VisitForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_errors(ValidationError(form.errors)))
                applications.record_visit(request.user, app, **form.cleaned_data)
                messages.success(request, _("Visit recorded."))
            else:
                form = forms.DecisionForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_errors(ValidationError(form.errors)))
                data = form.cleaned_data
                app = applications.decide(
                    request.user,
                    app,
                    data["decision"] == "approve",
                    on=data["decided_on"],
                    refusal_reason=data["refusal_reason"],
                    note=data["note"],
                )
                messages.success(request, _("Decision recorded."))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        except PermissionDenied:
            messages.error(request, _("You may not change this application."))
        return redirect(reverse("archives:archiveapplication_detail", args=[pk]))


class ApplicantView(LoginRequiredMixin, TemplateView):
    """The applicant's unmasked details; each view is written to the access log."""

    template_name = "archives/applicant.html"

    def get_context_data(self, **kwargs):
        from .models import ArchiveApplication
        from .models.applications import PERSONAL_FIELDS
        from .services.applications import reveal_applicant

        ctx = super().get_context_data(**kwargs)
        qs = ArchiveApplication.objects.restrict(self.request.user, rights.VIEW)
        app = get_object_or_404(qs, pk=self.kwargs["pk"])
        details = reveal_applicant(app, self.request.user, _("application page"))
        labels = {f: ArchiveApplication._meta.get_field(f).verbose_name for f in PERSONAL_FIELDS}
        ctx.update(object=app, details=[(labels[f], details[f]) for f in PERSONAL_FIELDS])
        return ctx


class CatalogueImportView(ObjectImportView):
    """Upload an older catalogue; nothing is written if a row is bad, and every bad row is
    listed."""

    model = ArchiveItem

    def dispatch(self, request, *args, **kwargs):
        from .importing import CatalogueImporter

        self.importer = CatalogueImporter()  # one per upload: it remembers the file's codes
        return super().dispatch(request, *args, **kwargs)


class TransferDueView(LoginRequiredMixin, TemplateView):
    """Permanent case files due for transfer (移轉) this year, and the transfer's record."""

    template_name = "archives/transfer_due.html"

    def due(self):
        from django.utils import timezone

        return (
            filing.transfer_due(self.request.user, timezone.localdate().year)
            .select_related("archive_class", "division")
            .order_by("division", "latest_on", "pk")
        )

    def get_context_data(self, **kwargs):
        from django.core.paginator import Paginator

        ctx = super().get_context_data(**kwargs)
        qs = self.due()
        ctx["page"] = Paginator(qs, 100).get_page(self.request.GET.get("page"))
        ctx["total"] = qs.count()
        ctx.setdefault("form", forms.TransferForm(queryset=qs))
        ctx["can_record"] = rights.division_scope(self.request.user, rights.ADD) is not None
        return ctx

    def post(self, request):
        qs = self.due().filter(pk__in=_posted_ids(request))
        form = forms.TransferForm(request.POST, queryset=qs)
        if form.is_valid():
            data = form.cleaned_data
            files = list(data["case_files"])
            try:
                record = filing.transfer(
                    request.user,
                    files[0].division,
                    files,
                    title=data["title"],
                    on=data["transferred_on"],
                    approval_no=data["approval_no"],
                )
            except ValidationError as exc:
                form.add_error(None, _errors(exc))
            except PermissionDenied:
                form.add_error(None, _("You may not record a transfer for this office."))
            else:
                messages.success(request, _("Transfer recorded: %(t)s") % {"t": record})
                return redirect(record.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))
