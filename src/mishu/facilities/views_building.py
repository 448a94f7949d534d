"""Detail pages of a stall call and a satisfaction survey: what their parts add up to."""

from decimal import Decimal

from django.db.models import Count
from django.urls import reverse

from mishu.core.formats import format_percent
from mishu.core.views import generic

from .models import SatisfactionSurvey, StallCall
from .models.building import Score


class StallCallDetailView(generic.ObjectDetailView):
    """A call with its applications: how many applied, how many qualified."""

    model = StallCall
    template_name = "facilities/stallcall_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        call = ctx["object"]
        apps = call.applications.restrict(self.request.user, "view")
        ctx.update(
            applied=apps.count(),
            qualified=apps.filter(qualified=True).count(),
            parts_url=f"{reverse('facilities:stallapplication_list')}?call={call.pk}",
            add_part_url=f"{reverse('facilities:stallapplication_add')}?call={call.pk}",
        )
        return ctx


class SurveyDetailView(generic.ObjectDetailView):
    """A survey with its responses per score and the satisfaction they give."""

    model = SatisfactionSurvey
    template_name = "facilities/satisfactionsurvey_detail.html"

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
            parts_url=f"{reverse('facilities:surveyresponse_list')}?survey={survey.pk}",
            add_part_url=f"{reverse('facilities:surveyresponse_add')}?survey={survey.pk}",
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
