from django.urls import path

from . import views
from .registry import CRUDS

app_name = "building"
urlpatterns = [
    path("meterreadings/import/", views.ReadingImportView.as_view(), name="meterreading_import"),
    path("maintenance/overdue/", views.MaintenanceDueView.as_view(), name="maintenance_overdue"),
    *[crud.urls() for crud in CRUDS],
]
