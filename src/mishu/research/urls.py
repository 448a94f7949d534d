from django.urls import path

from . import views
from .registry import CRUDS

app_name = "research"
urlpatterns = [
    path("phonetests/import/", views.PhoneTestImportView.as_view(), name="phonetest_import"),
    *[crud.urls() for crud in CRUDS],
]
