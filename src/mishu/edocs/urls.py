from django.urls import include, path

from mishu.core.views.generic import model_urls

from . import views
from .models import EDocumentReturn

app_name = "edocs"
urlpatterns = [
    path("returns/import/", views.ReturnImportView.as_view(), name="edocumentreturn_import"),
    path(
        "returns/",
        include(
            model_urls(
                EDocumentReturn,
                list_view=views.ReturnSummaryView,
                detail_view=views.ReturnDetailView,
                edit_view=views.ReturnEditView,
            )
        ),
    ),
]
