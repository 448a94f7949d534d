"""Pages beyond the generic ones: a grant's workflow, a city's agreement and exchanges, a
meeting's attendance, the overdue trip reports."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import TemplateView, View

from mishu.core import permissions as rights
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from . import services, workflow
from .forms import GrantStepForm
from .importing import DelegationImporter, TripImporter
from .models import Delegation, GrantApplication, Meeting, SisterCity, Trip


class SisterCityDetailView(generic.ObjectDetailView):
    """A city: its agreement's stages and the history of exchanges (delegations, trips)."""

    model = SisterCity
    template_name = "international/sistercity_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        city = ctx["object"]
        user = self.request.user
        ctx["stages"] = city.stages.restrict(user, rights.VIEW).order_by("date", "pk")
        ctx["delegations"] = city.delegations.restrict(user, rights.VIEW).order_by("received_on")
        ctx["trips"] = city.trips.restrict(user, rights.VIEW).order_by("start_date")
        return ctx


class MeetingDetailView(generic.ObjectDetailView):
    """A meeting with its attendance rows and totals."""

    model = Meeting
    template_name = "international/meeting_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        meeting = ctx["object"]
        ctx["attendance"] = meeting.attendance.restrict(self.request.user, rights.VIEW)
        ctx["totals"] = meeting.attendance_totals()
        ctx["grants"] = meeting.grants.restrict(self.request.user, rights.VIEW)
        return ctx


class GrantDetailView(generic.ObjectDetailView):
    """A grant application with its workflow steps and the steps open to it."""

    model = GrantApplication
    template_name = "international/grantapplication_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        app = ctx["object"]
        ctx["events"] = app.events.select_related("user")
        if rights.can(self.request.user, rights.CHANGE, app):
            ctx["actions"] = [
                (a, workflow.TRANSITIONS[a][2]) for a in workflow.actions_for(app.status)
            ]
            ctx["step_form"] = kwargs.get("step_form") or GrantStepForm(
                user=self.request.user, application=app
            )
        return ctx


class GrantTransitionView(generic.ModelViewMixin, View):
    """POST `action` and what it records to move an application along its workflow."""

    model = GrantApplication
    action = rights.CHANGE

    def post(self, request, pk):
        app = self.get_object()
        form = GrantStepForm(request.POST, user=request.user, application=app)
        step = request.POST.get("action", "")
        if not form.is_valid():
            for errors in form.errors.values():
                for message in errors:
                    messages.error(request, message)
            return redirect(app.get_absolute_url())
        data = dict(form.cleaned_data)
        note = data.pop("note", "")
        try:
            services.transition(app, step, request.user, note, **data)
            messages.success(
                request, gettext("Application %(s)s.") % {"s": app.get_status_display()}
            )
        except services.TransitionError as exc:
            for message in exc.messages:
                messages.error(request, message)
        return redirect(app.get_absolute_url())


class TripOverdueView(generic.ModelViewMixin, TemplateView):
    """Trips whose report (due three months after return) has not been submitted."""

    model = Trip
    template_name = "international/trip_overdue.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        ctx["today"] = today
        ctx["trips"] = services.overdue_trips(today, self.get_queryset())
        return ctx


class DelegationImportView(ObjectImportView):
    """Upload delegations; nothing is written if a row is bad, and every bad row is listed."""

    model = Delegation
    importer = DelegationImporter()


class TripImportView(ObjectImportView):
    """Upload trips abroad; nothing is written if a row is bad, and every bad row is listed."""

    model = Trip
    importer = TripImporter()
