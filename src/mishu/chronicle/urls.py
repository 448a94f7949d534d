from django.urls import include, path

from mishu.core.views.generic import model_urls

from .models import Event
from .views import ChronicleYearView, EventDetailView, EventEditView, EventImportView, EventListView

app_name = "chronicle"
urlpatterns = [
    path("year/", ChronicleYearView.as_view(), name="year"),
    path("events/import/", EventImportView.as_view(), name="event_import"),
    path(
        "events/",
        include(
            model_urls(
                Event, list_view=EventListView, detail_view=EventDetailView, edit_view=EventEditView
            )
        ),
    ),
]
