from django.urls import include, path

from mishu.core.views.generic import model_urls

from . import views
from .models import Observation, ObservedIndicator

app_name = "indicators"
urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicator_list"),
    path(
        "entry/<str:code>/<str:period>/",
        views.ObservationEntryView.as_view(),
        name="observation_entry",
    ),
    path("import/", views.ObservationImportView.as_view(), name="observation_import"),
    path("import/template/", views.ObservationTemplateView.as_view(), name="observation_template"),
    path(
        "observations/",
        include(
            model_urls(
                Observation,
                list_view=views.ObservationListView,
                detail_view=views.ObservationDetailView,
                edit_view=views.ObservationEditView,
            )
        ),
    ),
    path(
        "definitions/",
        include(
            model_urls(
                ObservedIndicator,
                list_view=views.ObservedIndicatorListView,
                detail_view=views.ObservedIndicatorDetailView,
                edit_view=views.ObservedIndicatorEditView,
            )
        ),
    ),
]
