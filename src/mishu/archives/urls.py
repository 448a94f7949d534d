from django.urls import path

from . import views
from .registry import CRUDS

app_name = "archives"
urlpatterns = [
    path(
        "catalogue/",
        views.CatalogueView.as_view(
            model=CRUDS[2].model,
            columns=CRUDS[2].columns,
            export_columns=[
                "file_code",
                "subject",
                "doc_date",
                "medium",
                "pages",
                "filed_on",
                "division",
            ],
        ),
        name="catalogue",
    ),
    path("file/", views.FilingView.as_view(), name="file_document"),
    path("due/", views.RetentionDueView.as_view(), name="retention_due"),
    path("submit/", views.SubmitCatalogueView.as_view(), name="submit_catalogue"),
    *[crud.urls() for crud in CRUDS],
]
