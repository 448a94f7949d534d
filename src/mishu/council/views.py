"""Council pages beyond the generic ones: a question's reply status, a session's compilation of
written replies (ODT or DOCX), and a directive's steps."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from mishu.core import permissions as rights
from mishu.core.views.generic import ObjectDetailView
from mishu.core.views.imports import ObjectImportView

from . import services, workflow
from .forms import StepForm
from .models import Directive, Question, Session, Visit

COMPILATION_FORMATS = ("odt", "docx")


class QuestionDetailView(ObjectDetailView):
    fields = [*Question.ENTERED_FIELDS, "reply_status"]


class SessionDetailView(ObjectDetailView):
    template_name = "council/session_detail.html"


class DirectiveDetailView(ObjectDetailView):
    template_name = "council/directive_detail.html"
    fields = [*Directive.ENTERED_FIELDS, "state", "closed_on", "timeliness"]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        obj = ctx["object"]
        ctx.update(
            steps=obj.steps.select_related("by"),
            transitions=[(n, workflow.label(n)) for n in workflow.allowed(obj.state)]
            if ctx["can_change"]
            else [],
            step_form=kwargs.get("step_form") or StepForm(),
        )
        return ctx

    def post(self, request, *args, **kwargs):
        directive = self.get_object()
        form = StepForm(request.POST)
        name = request.POST.get("transition", "")
        if form.is_valid():
            try:
                services.advance(
                    directive,
                    name,
                    form.cleaned_data["on"],
                    form.cleaned_data["note"],
                    request.user,
                )
            except ValidationError as exc:
                errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
                for field, texts in errors.items():
                    for text in texts:
                        form.add_error(field if field in form.fields else None, text)
            else:
                messages.success(request, _("Saved: %(obj)s") % {"obj": directive})
                return redirect(directive.get_absolute_url())
        return self.render_to_response(self.get_context_data(step_form=form), status=200)


class CompilationView(LoginRequiredMixin, View):
    """A session's written replies compiled into one document (彙編) in ODT or DOCX."""

    def get(self, request, pk, fmt):
        if fmt not in COMPILATION_FORMATS:
            raise Http404
        session = get_object_or_404(Session.objects.restrict(request.user, rights.VIEW), pk=pk)
        from mishu.reports.rendering import CONTENT_TYPES, convert

        body = convert(services.compilation_markdown(session, request.user), fmt)
        response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="replies-{session.pk}.{fmt}"'
        return response


class VisitImportView(ObjectImportView):
    """Upload the visits the agencies report; all or nothing, every bad row listed."""

    model = Visit

    def dispatch(self, request, *args, **kwargs):
        from .importing import VisitImporter

        self.importer = VisitImporter()
        return super().dispatch(request, *args, **kwargs)
