from django.urls import path

from . import views
from .registry import CRUDS

app_name = "properties"
urlpatterns = [
    path("allocations/<int:pk>/step/", views.AllocationStepView.as_view(), name="allocation_step"),
    path("fuellogs/import/", views.FuelLogImportView.as_view(), name="fuellog_import"),
    *[crud.urls() for crud in CRUDS],
]
