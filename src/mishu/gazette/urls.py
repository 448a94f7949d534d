from django.urls import path

from . import views
from .registry import CRUDS

app_name = "gazette"
urlpatterns = [
    path(
        "subscriptions/import/",
        views.SubscriptionImportView.as_view(),
        name="subscription_import",
    ),
    *[crud.urls() for crud in CRUDS],
]
