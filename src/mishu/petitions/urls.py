from django.urls import include, path

from mishu.core.views.generic import model_urls

from .models import AgencyContact, CollectivePetition, PetitionCase
from .views import public, staff, stats

app_name = "petitions"
urlpatterns = [
    path("public/", public.PublicFileView.as_view(), name="public_file"),
    path("public/received/", public.PublicReceivedView.as_view(), name="public_received"),
    path("public/status/", public.PublicLookupView.as_view(), name="public_lookup"),
    path("statistics/", stats.StatisticsView.as_view(), name="statistics"),
    path("access-log/", staff.PersonalDataAccessListView.as_view(), name="access_log"),
    path("cases/<int:pk>/action/", staff.CaseActionView.as_view(), name="case_action"),
    path(
        "extensions/<int:pk>/decide/",
        staff.ExtensionDecideView.as_view(),
        name="extension_decide",
    ),
    path(
        "cases/<int:pk>/public-summary/",
        staff.PublicSummaryView.as_view(),
        name="case_public_summary",
    ),
    path("cases/<int:pk>/petitioner/", staff.PetitionerView.as_view(), name="case_petitioner"),
    path(
        "cases/",
        include(
            model_urls(
                PetitionCase,
                list_view=staff.PetitionCaseListView,
                detail_view=staff.PetitionCaseDetailView,
                edit_view=staff.PetitionCaseEditView,
            )
        ),
    ),
    path(
        "collective/",
        include(
            model_urls(
                CollectivePetition,
                list_view=staff.CollectivePetitionListView,
                detail_view=staff.generic.ObjectDetailView,
                edit_view=staff.CollectivePetitionEditView,
            )
        ),
    ),
    path(
        "contacts/",
        include(
            model_urls(
                AgencyContact,
                list_view=staff.AgencyContactListView,
                detail_view=staff.generic.ObjectDetailView,
                edit_view=staff.AgencyContactEditView,
            )
        ),
    ),
]
