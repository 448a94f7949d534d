from django.urls import include, path

from mishu.core.views.generic import model_urls

from . import views
from .models import Document
from .views import signoff as signoff_views

app_name = "documents"
urlpatterns = [
    path("timeliness/", views.TimelinessListView.as_view(), name="timeliness"),
    path("timeliness/monthly/", views.MonthlyTimelinessView.as_view(), name="monthly"),
    path("reminders/", views.RemindersView.as_view(), name="reminders"),
    path("import/", views.DocumentImportView.as_view(), name="document_import"),
    path("import/<int:pk>/", views.ImportJobView.as_view(), name="import_job"),
    path("<int:pk>/transition/", views.TransitionView.as_view(), name="document_transition"),
    path("<int:pk>/extend/", views.ExtensionRequestView.as_view(), name="extension_request"),
    path("<int:pk>/signoff/", signoff_views.SignoffUploadView.as_view(), name="signoff_upload"),
    path(
        "<int:pk>/signoff/<int:file_pk>/",
        signoff_views.SignoffFileView.as_view(),
        name="signoff_file",
    ),
    path(
        "extensions/<int:pk>/decide/", views.ExtensionDecideView.as_view(), name="extension_decide"
    ),
    path(
        "",
        include(
            model_urls(
                Document,
                list_view=views.DocumentListView,
                detail_view=views.DocumentDetailView,
                edit_view=views.DocumentEditView,
            )
        ),
    ),
]
