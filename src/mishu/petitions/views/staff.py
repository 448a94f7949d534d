"""Staff pages of petitions: the generic record pages, workflow actions, the logged view of a
petitioner's details and the review of those views."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import permissions as rights
from mishu.core.forms import labelled_errors, restrict_related_fields
from mishu.core.views import generic

from .. import services, workflow
from ..choices import EventAction
from ..filtersets import (
    CollectivePetitionFilterSet,
    PersonalDataAccessFilterSet,
    PetitionCaseFilterSet,
)
from ..forms import (
    ActionForm,
    AgencyContactForm,
    CollectivePetitionForm,
    PetitionCaseForm,
    PublicSummaryForm,
    PurposeForm,
)
from ..models import (
    PERSONAL_FIELDS,
    AgencyContact,
    CollectivePetition,
    ExtensionRequest,
    PersonalDataAccess,
    PetitionCase,
)

CASE_COLUMNS = ["number", "received_on", "channel", "subject", "agency", "status", "deadline"]


class PetitionCaseListView(generic.ObjectListView):
    """Cases without any personal data, in the page and in every export."""

    model = PetitionCase
    filterset_class = PetitionCaseFilterSet
    columns = CASE_COLUMNS
    export_columns = [*CASE_COLUMNS, "category", "replied_on", "closed_on", "satisfaction"]

    def get_queryset(self):
        return super().get_queryset().select_related("agency")


class PetitionCaseDetailView(generic.ObjectDetailView):
    """A case with its events; the petitioner is masked (王○○) unless revealed through the log."""

    model = PetitionCase
    template_name = "petitions/case_detail.html"
    fields = [
        "number",
        "division",
        "channel",
        "received_on",
        "subject",
        "body",
        "category",
        "masked_name",
        "agency",
        "status",
        "time_limit",
        "deadline",
        "extension_reason",
        "reply",
        "replied_on",
        "closed_on",
        "decline_reason",
        "repeat_of",
        "satisfaction",
        "anonymised_on",
    ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        case = ctx["object"]
        can_change = ctx["can_change"]
        allowed = workflow.allowed(case.status) if can_change else []
        ctx.update(
            events=case.events.select_related("agency", "user"),
            repeats=case.repeats.all(),
            # a closed case shows no action form
            action_form=bool(allowed),
            action_forms=[
                (EventAction(a).label, workflow.NOTES.get(a, ""), form)
                for a, form in ActionForm.each(allowed)
            ],
            pending_extensions=services.pending_extensions(self.request.user).filter(case=case),
            extensions=case.extension_requests.select_related("requested_by", "decided_by"),
            action_url=reverse("petitions:case_action", args=[case.pk]),
            summary_form=(
                PublicSummaryForm(initial={"public_summary": case.public_summary})
                if can_change
                else None
            ),
            summary_url=reverse("petitions:case_public_summary", args=[case.pk]),
            can_reveal=services.can_see_petitioner(self.request.user),
            reveal_url=reverse("petitions:case_petitioner", args=[case.pk]),
        )
        return ctx


class PetitionCaseEditView(generic.ObjectEditView):
    model = PetitionCase
    form_class = PetitionCaseForm
    template_name = "petitions/case_form.html"

    def get_form(self, instance):
        # entering a new petitioner is fine; seeing a saved one needs the permission and a
        # purpose, asked first (`?purpose=`, kept by the form's POST to the same address) and
        # logged each time the details are shown or changed
        user = self.request.user
        self.purpose_form = PurposeForm(self.request.GET if "purpose" in self.request.GET else None)
        show = not instance.pk or (
            services.can_see_petitioner(user) and self.purpose_form.is_valid()
        )
        if instance.pk and show:
            services.reveal_petitioner(instance, user, self.purpose_form.cleaned_data["purpose"])
        form = PetitionCaseForm(self.request.POST or None, instance=instance, show_personal=show)
        restrict_related_fields(form, user, self.action)
        return form

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        instance = ctx.get("object")
        if instance is not None and instance.pk and services.can_see_petitioner(self.request.user):
            ctx["purpose_form"] = self.purpose_form
        return ctx

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        form = self.get_form(instance)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, object=instance))
        if instance.pk:
            obj = form.save()
        else:
            data = {k: v for k, v in form.cleaned_data.items() if k != "division"}
            try:
                obj, _pw = services.file_case(
                    division=form.cleaned_data["division"], user=request.user, **data
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
                return self.render_to_response(self.get_context_data(form=form, object=instance))
        messages.success(request, _("Saved: %(obj)s") % {"obj": obj})
        return redirect(obj.get_absolute_url())


class CaseActionView(LoginRequiredMixin, TemplateView):
    """POST one workflow action on a case; errors come back as messages naming the field."""

    http_method_names = ["post"]

    def post(self, request, pk):
        case = get_object_or_404(PetitionCase.objects.restrict(request.user, "change"), pk=pk)
        allowed = workflow.allowed(case.status)
        chosen = next((a for a in allowed if f"act-{a}-action" in request.POST), None)
        form = (
            ActionForm(request.POST, allowed=allowed, only=chosen, prefix=f"act-{chosen}")
            if chosen
            else ActionForm(request.POST, allowed=allowed)  # the API-like post of one form
        )
        if not form.is_valid():
            for text in labelled_errors(form.errors, form):
                messages.error(request, text)
        else:
            try:
                event = services.act(
                    case, form.cleaned_data["action"], request.user, **form.service_data()
                )
                if event.action == EventAction.EXTENSION_ASKED:
                    messages.success(request, _("Extension requested; the supervisor decides."))
                else:
                    messages.success(request, _("Done."))
            except ValidationError as exc:
                for text in labelled_errors(exc, form, model=PetitionCase):
                    messages.error(request, text)
        return redirect(case.get_absolute_url())


class ExtensionDecideView(LoginRequiredMixin, TemplateView):
    """POST a supervisor's decision on a clerk's extension request, with a note."""

    http_method_names = ["post"]

    def post(self, request, pk):
        ext = get_object_or_404(ExtensionRequest.objects.restrict(request.user, "change"), pk=pk)
        approve = request.POST.get("approve") == "1"
        try:
            services.decide_extension(ext, approve, request.user, request.POST.get("note", ""))
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            for errors in exc.message_dict.values():
                messages.error(request, " ".join(errors))
        else:
            messages.success(request, _("Extension decided."))
        return redirect(ext.case.get_absolute_url())


class PublicSummaryView(LoginRequiredMixin, TemplateView):
    """POST the summary Open311 may publish; saving it is the clerk's approval."""

    http_method_names = ["post"]

    def post(self, request, pk):
        case = get_object_or_404(PetitionCase.objects.restrict(request.user, "change"), pk=pk)
        form = PublicSummaryForm(request.POST)
        if form.is_valid():
            services.approve_public_summary(case, request.user, form.cleaned_data["public_summary"])
            messages.success(request, _("Saved: %(obj)s") % {"obj": case})
        else:
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        return redirect(case.get_absolute_url())


class PetitionerView(LoginRequiredMixin, TemplateView):
    """The petitioner's unmasked details; each view is written to the access log."""

    template_name = "petitions/petitioner.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = PetitionCase.objects.restrict(self.request.user, "view")
        case = get_object_or_404(qs, pk=self.kwargs["pk"])
        if not services.can_see_petitioner(self.request.user):
            raise PermissionDenied
        # the purpose is asked before anything is shown
        form = PurposeForm(self.request.GET if "purpose" in self.request.GET else None)
        ctx.update(object=case, form=form)
        if form.is_valid():
            details = services.reveal_petitioner(
                case, self.request.user, form.cleaned_data["purpose"]
            )
            labels = {f: PetitionCase._meta.get_field(f).verbose_name for f in PERSONAL_FIELDS}
            ctx["details"] = [(labels[f], details[f]) for f in PERSONAL_FIELDS]
        return ctx


class PersonalDataAccessListView(LoginRequiredMixin, TemplateView):
    """Who saw which petitioner's details, when: for review by supervisors and administrators."""

    template_name = "petitions/access_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        if not (rights.is_administrator(user) or user.has_role("supervisor")):
            raise PermissionDenied
        qs = PersonalDataAccess.objects.restrict(user, "view").select_related("case", "user")
        fs = PersonalDataAccessFilterSet(self.request.GET or None, queryset=qs)
        qs = fs.qs if fs.is_bound and fs.is_valid() else qs
        page = Paginator(qs, 50).get_page(self.request.GET.get("page"))
        return super().get_context_data(**kwargs) | {"filterset": fs, "page": page}


class CollectivePetitionListView(generic.ObjectListView):
    model = CollectivePetition
    filterset_class = CollectivePetitionFilterSet
    columns = [
        "date",
        "group",
        "size",
        "place",
        "agency",
        "arrived_at",
        "dispersed_at",
        "hours_to_dispersal",
    ]


class CollectivePetitionEditView(generic.ObjectEditView):
    model = CollectivePetition
    form_class = CollectivePetitionForm


class AgencyContactListView(generic.ObjectListView):
    model = AgencyContact
    columns = ["agency", "name", "email", "division"]


class AgencyContactEditView(generic.ObjectEditView):
    model = AgencyContact
    form_class = AgencyContactForm
