"""The register's staff pages: list, detail with events and actions, registration form."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from mishu.core import permissions as rights
from mishu.core.forms import labelled_errors
from mishu.core.tables import display
from mishu.core.views import generic

from .. import services, workflow
from ..choices import ExtensionStatus, Speed, State, Timeliness
from ..filtersets import DocumentFilterSet
from ..forms import (
    DocumentForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    SignoffFileForm,
    TransitionForm,
)
from ..models import DeadlineExtension, Document

LIST_COLUMNS = [
    "number",
    "subject",
    "division",
    "handler",
    "registered_on",
    "speed",
    "deadline",
    "state",
    "timeliness",
]
EXPORT_COLUMNS = [
    *LIST_COLUMNS,
    "office",
    "direction",
    "sender",
    "received_on",
    "dispatched_on",
    "handling_mode",
    "seal_uses",
    "closed_on",
    "days_used",
]


class DocumentListView(generic.ObjectListView):
    model = Document
    filterset_class = DocumentFilterSet
    columns = LIST_COLUMNS
    export_columns = EXPORT_COLUMNS
    # millions of rows at city scale: sort by the unique number and the indexed dates only, and
    # no per-choice counts (each would be a GROUP BY over the whole register)
    sort_fields = {"number": "number", "registered_on": "registered_on", "deadline": "deadline"}
    count_filters = ()

    def export_title(self):
        return _("Document register")

    def get_queryset(self):
        qs = super().get_queryset()
        if self.request.GET.get("export"):
            return qs.select_related("division", "handler", "sender")
        return qs.select_related(None)

    def page_rows(self, object_list):
        return page_rows(object_list)


# The HTML page shows nine columns. At city scale (millions of documents) building 50 model
# objects with their unit and handler costs several times the query itself, so the page reads
# plain values and renders them exactly as `core.tables.cell` would (a test holds them equal).
PAGE_VALUES = (
    "pk",
    "number",
    "subject",
    "division__name",
    "division__name_en",
    "handler__username",
    "handler__first_name",
    "handler__last_name",
    "registered_on",
    "speed",
    "deadline",
    "state",
    "timeliness",
)


class _Link:
    __slots__ = ("url",)

    def __init__(self, url):
        self.url = url

    def get_absolute_url(self):
        return self.url


def page_rows(object_list) -> list:
    """The register's page rows from one values query (see PAGE_VALUES)."""
    english = (get_language() or "").startswith("en")
    url = reverse("documents:document_detail", args=[0])[:-2]  # ".../0/" → ".../"
    speed, state, timeliness = (
        {code: str(label) for code, label in c.choices} for c in (Speed, State, Timeliness)
    )
    rows = []
    for (
        pk,
        number,
        subject,
        unit,
        unit_en,
        user,
        first,
        last,
        registered,
        spd,
        deadline,
        st,
        tl,
    ) in object_list.values_list(*PAGE_VALUES):
        handler = (f"{first} {last}".strip() or user) if user else ""
        rows.append(
            (
                _Link(f"{url}{pk}/"),
                [
                    number,
                    subject,
                    (unit_en if english and unit_en else unit) or "",
                    handler,
                    display(registered),
                    speed.get(spd, spd),
                    display(deadline),
                    state.get(st, st),
                    timeliness.get(tl, tl),
                ],
            )
        )
    return rows


class DocumentDetailView(generic.ObjectDetailView):
    model = Document
    template_name = "documents/document_detail.html"
    fields = [
        *EXPORT_COLUMNS[:1],
        "office",
        "direction",
        "subject",
        "sender",
        "received_on",
        "registered_on",
        "speed",
        "classification",
        "declassification",
        "stated_deadline",
        "project_control",
        "deadline",
        "medium",
        "handling_mode",
        "division",
        "handler",
        "recipients",
        "dispatched_on",
        "seal_uses",
        "state",
        "closed_on",
        "days_used",
        "timeliness",
        "batch",
    ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        doc = ctx["object"]
        user = self.request.user
        ctx.update(
            events=doc.events.select_related("user"),
            extensions=doc.extensions.select_related("requested_by", "decided_by"),
            transitions=[
                (n, workflow.label(n), workflow.note(n)) for n in services.available(doc, user)
            ]
            if ctx["can_change"]
            else [],
            handlers=services.eligible_handlers(doc),
            extension_form=ExtensionRequestForm() if ctx["can_change"] and doc.is_open else None,
            decision_form=ExtensionDecisionForm(),
            signoff_files=doc.signoff_files.select_related("uploaded_by"),
            signoff_form=SignoffFileForm() if ctx["can_change"] and doc.is_open else None,
            can_decide=user.has_role("supervisor", "admin") and ctx["can_change"],
        )
        ctx["pending_decisions"] = (
            [e for e in ctx["extensions"] if e.status == ExtensionStatus.REQUESTED]
            if ctx["can_decide"]
            else []
        )
        return ctx


class DocumentEditView(generic.ObjectEditView):
    """Registering goes through `services.register` (number, deadline, event); a change is
    validated by the same date rules."""

    model = Document
    form_class = DocumentForm

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        form = self.get_form(instance)
        if form.is_valid():
            doc = form.instance
            try:
                if doc.pk is None:
                    doc = services.register(doc, request.user)
                else:
                    doc = services.update(doc, request.user)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Saved: %(obj)s") % {"obj": doc})
                return redirect(doc.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form, object=instance))


def _errors(request, errors, form=None):
    """Each error (a form's, or a service's ValidationError) as a message led by the field's
    label, not its code."""
    for text in labelled_errors(errors, form, model=[Document, DeadlineExtension]):
        messages.error(request, text)


class _DocumentAction(LoginRequiredMixin, View):
    def document(self):
        return get_object_or_404(
            Document.objects.restrict(self.request.user, rights.CHANGE), pk=self.kwargs["pk"]
        )


class TransitionView(_DocumentAction):
    def post(self, request, pk):
        doc = self.document()
        form = TransitionForm(request.POST, handlers=services.eligible_handlers(doc))
        if not form.is_valid():
            _errors(request, form.errors, form)
            return redirect(doc.get_absolute_url())
        data = form.cleaned_data
        try:
            services.transition(
                doc,
                data["transition"],
                request.user,
                on=data["on"],
                note=data["note"],
                handler=data["handler"],
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            _errors(request, exc, form)
        else:
            messages.success(request, _("Done."))
        return redirect(doc.get_absolute_url())


class ExtensionRequestView(_DocumentAction):
    def post(self, request, pk):
        doc = self.document()
        form = ExtensionRequestForm(request.POST)
        if not form.is_valid():
            _errors(request, form.errors, form)
            return redirect(doc.get_absolute_url())
        try:
            services.request_extension(
                doc, form.cleaned_data["new_deadline"], form.cleaned_data["reason"], request.user
            )
        except ValidationError as exc:
            _errors(request, exc, form)
        else:
            messages.success(request, _("Extension requested."))
        return redirect(doc.get_absolute_url())


class ExtensionDecideView(LoginRequiredMixin, View):
    def post(self, request, pk):
        ext = get_object_or_404(
            DeadlineExtension.objects.filter(
                document__in=Document.objects.restrict(request.user, rights.CHANGE)
            ),
            pk=pk,
        )
        form = ExtensionDecisionForm(request.POST)
        if not form.is_valid():
            _errors(request, form.errors, form)
            return redirect(ext.document.get_absolute_url())
        try:
            services.decide_extension(
                ext, form.cleaned_data["approve"], request.user, form.cleaned_data["note"]
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            _errors(request, exc, form)
        else:
            messages.success(request, _("Extension decided."))
        return redirect(ext.document.get_absolute_url())
