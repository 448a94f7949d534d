import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from mishu.core import formats
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from . import importing, sentences
from .filtersets import EventFilterSet
from .forms import EventForm
from .models import Event


class EventListView(generic.ObjectListView):
    model = Event
    filterset_class = EventFilterSet
    columns = ["start_date", "end_date", "category", "title", "division", "persons"]
    export_columns = [
        "start_date",
        "end_date",
        "category",
        "title",
        "division",
        "place",
        "people",
        "persons",
        "sessions",
        "groups",
    ]


class EventDetailView(generic.ObjectDetailView):
    model = Event


class EventEditView(generic.ObjectEditView):
    model = Event
    form_class = EventForm


class EventImportView(ObjectImportView):
    model = Event
    importer = importing


class ChronicleYearView(LoginRequiredMixin, TemplateView):
    """The year's chronicle (大事紀): every event the user may see, month by month, as the
    report's sentences. `?year=108` (ROC) or `?year=2019`; default the current year."""

    template_name = "chronicle/year.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        text = self.request.GET.get("year") or str(datetime.date.today().year)
        try:
            period = formats.Period.parse(text, field=_("year"))
            if period.kind != "year":
                raise formats.PeriodFormatError(text, field=_("year"), expected="108")
        except formats.FormatError as exc:
            ctx["error"] = str(exc)
            period = formats.Period("year", datetime.date.today().year)
        events = sentences.events(period, self.request.user)
        months = {}
        for event in events:
            months.setdefault(event.start_date.month, []).append((event, sentences.sentence(event)))
        ctx.update(
            period=period,
            months=sorted(months.items()),
            count=len(events),
            prev=getattr(period.shifted(-1), "code", ""),
            next=getattr(period.shifted(1), "code", ""),
        )
        return ctx
