"""Open311 GeoReport v2 URLs; the root URLconf mounts them at ``open311/v2/``."""

from django.urls import path

from .views import open311

app_name = "open311"
urlpatterns = [
    path("services.<str:fmt>", open311.services_list, name="services"),
    path("requests.<str:fmt>", open311.requests_list, name="requests"),
    path("requests/<str:number>.<str:fmt>", open311.request_detail, name="request"),
]
