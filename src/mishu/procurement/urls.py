from django.urls import path

from . import views
from .registry import CRUDS

app_name = "procurement"
urlpatterns = [
    path("tendercases/import/", views.TenderImportView.as_view(), name="tendercase_import"),
    *[crud.urls() for crud in CRUDS],
]
