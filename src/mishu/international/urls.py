from django.urls import path

from . import views
from .registry import CRUDS

app_name = "international"
urlpatterns = [
    path(
        "grantapplications/<int:pk>/step/",
        views.GrantTransitionView.as_view(),
        name="grantapplication_transition",
    ),
    path("delegations/import/", views.DelegationImportView.as_view(), name="delegation_import"),
    path("trips/import/", views.TripImportView.as_view(), name="trip_import"),
    path("trips/overdue/", views.TripOverdueView.as_view(), name="trip_overdue"),
    *[crud.urls() for crud in CRUDS],
]
