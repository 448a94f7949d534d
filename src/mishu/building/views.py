"""Staff pages of the building beyond the generic ones: a stall call's and a survey's detail (what
their parts add up to), meter readings entered and imported, and the inspections due."""

from decimal import Decimal

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from mishu.core import permissions as rights
from mishu.core.formats import format_percent
from mishu.core.forms import RocDateField
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from .models import MeterReading, SatisfactionSurvey, StallCall
from .models.building import Score
from .services import energy


class StallCallDetailView(generic.ObjectDetailView):
    """A call with its applications: how many applied, how many qualified."""

    model = StallCall
    template_name = "building/stallcall_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        call = ctx["object"]
        apps = call.applications.restrict(self.request.user, "view")
        ctx.update(
            applied=apps.count(),
            qualified=apps.filter(qualified=True).count(),
            parts_url=f"{reverse('building:stallapplication_list')}?call={call.pk}",
            add_part_url=f"{reverse('building:stallapplication_add')}?call={call.pk}",
        )
        return ctx


class SurveyDetailView(generic.ObjectDetailView):
    """A survey with its responses per score and the satisfaction they give."""

    model = SatisfactionSurvey
    template_name = "building/satisfactionsurvey_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        survey = ctx["object"]
        responses = survey.responses.restrict(self.request.user, "view")
        by_score = dict(responses.order_by().values_list("score").annotate(n=Count("pk")))
        valid = sum(n for s, n in by_score.items() if s is not None)
        satisfied = sum(
            n for s, n in by_score.items() if s is not None and s >= survey.satisfied_from
        )
        ctx.update(
            scores=[(label, by_score.get(value, 0)) for value, label in Score.choices],
            blank=by_score.get(None, 0),
            valid=valid,
            satisfied=satisfied,
            ratio=format_percent(Decimal(satisfied) / valid, places=2, strip=True)
            if valid
            else None,
            parts_url=f"{reverse('building:surveyresponse_list')}?survey={survey.pk}",
            add_part_url=f"{reverse('building:surveyresponse_add')}?survey={survey.pk}",
        )
        return ctx


class PrefillEditView(generic.ObjectEditView):
    """The add page takes initial values from its query (`?call=3`), as linked from the page of
    the record the new one belongs to; the records it may belong to are those the user sees."""

    parents = ("call", "survey", "project")

    def get_form(self, instance):
        form = super().get_form(instance)
        for name in self.parents:
            if name in form.fields:
                field = form.fields[name]
                field.queryset = field.queryset.restrict(self.request.user, "view")
        if self.request.method == "GET" and "pk" not in self.kwargs:
            for name in form.fields:
                if name in self.request.GET:
                    form.initial[name] = self.request.GET[name]
        return form


class ReadingForm(forms.ModelForm):
    """A monthly reading, saved through the service so the next month's usage follows."""

    month = RocDateField(label=_("month"), help_text=_("Any day of the month read, e.g. 108/7/1."))

    class Meta:
        model = MeterReading
        fields = ["division", "meter", "month", "reading", "meter_changed"]

    def save(self, commit=True):
        return energy.save_reading(self.instance)


class ReadingImportView(ObjectImportView):
    """Upload a month's (or several months') meter readings; nothing is written if a row is bad."""

    model = MeterReading

    def dispatch(self, request, *args, **kwargs):
        from .importing import ReadingImporter

        self.importer = ReadingImporter()  # one per upload: it remembers the file's rows
        return super().dispatch(request, *args, **kwargs)


class MaintenanceDueView(LoginRequiredMixin, TemplateView):
    """Inspections and maintenance not done and overdue or due within a week, overdue flagged."""

    template_name = "building/maintenance_due.html"

    def get_context_data(self, **kwargs):
        from .models import MaintenanceTask
        from .services.reminders import NEAR_DAYS, open_tasks

        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        qs = MaintenanceTask.objects.restrict(self.request.user, rights.VIEW)
        tasks = open_tasks(today, qs.select_related("division"))
        ctx.update(
            today=today,
            near_days=NEAR_DAYS,
            rows=[(t, t.is_overdue(today), (today - t.due_on).days) for t in tasks],
        )
        return ctx
