from django.urls import path

from . import views
from .registry import CRUDS

app_name = "council"
urlpatterns = [
    path(
        "sessions/<int:pk>/compilation.<str:fmt>",
        views.CompilationView.as_view(),
        name="session_compilation",
    ),
    path("visits/import/", views.VisitImportView.as_view(), name="visit_import"),
    *[crud.urls() for crud in CRUDS],
]
