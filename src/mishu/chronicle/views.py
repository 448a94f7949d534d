from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from . import importing
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
