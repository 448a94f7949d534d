from django.urls import path

from . import views
from .feeds import PressReleaseFeed
from .registry import CRUDS

app_name = "media"
urlpatterns = [
    path(
        "pressreleases/import/",
        views.PressReleaseImportView.as_view(),
        name="pressrelease_import",
    ),
    path("releases/", views.PublicReleaseListView.as_view(), name="public_releases"),
    path("releases/<int:pk>/", views.PublicReleaseView.as_view(), name="public_release"),
    path("releases/feed/", PressReleaseFeed(), name="release_feed"),
    *[crud.urls() for crud in CRUDS],
]
