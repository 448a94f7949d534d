from django.urls import include, path

from . import oparl, views
from .registry import CRUDS

app_name = "council"
urlpatterns = [
    path(
        "sessions/<int:pk>/compilation.<str:fmt>",
        views.CompilationView.as_view(),
        name="session_compilation",
    ),
    path("oparl/v1/", include(oparl.urlpatterns)),
    path("visits/import/", views.VisitImportView.as_view(), name="visit_import"),
    *[crud.urls() for crud in CRUDS],
]
