"""The API router: each app registers its endpoints in its own `api/urls.py` `register(router)`."""

from importlib import import_module

from django.urls import path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

API_APPS = [
    "mishu.core",
    "mishu.chronicle",
    "mishu.indicators",
    "mishu.kpis",
    "mishu.reports",
    "mishu.documents",
    "mishu.edocs",
    "mishu.petitions",
    "mishu.consultations",
    "mishu.venues",
    "mishu.building",
    "mishu.properties",
    "mishu.procurement",
    "mishu.archives",
    "mishu.international",
    "mishu.research",
    "mishu.media",
    "mishu.gazette",
    "mishu.council",
]


class MishuRouter(DefaultRouter):
    """DefaultRouter plus the token endpoint. A record's id in the path may be any text up to the
    next slash (DRF stops at a dot): `/api/x/0.5/` is then the endpoint's own JSON 404, not
    Django's HTML page."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        if not hasattr(viewset, "lookup_value_regex"):
            viewset.lookup_value_regex = r"[^/]+"
        return super().get_lookup_regex(viewset, lookup_prefix)

    def get_urls(self):
        return [path("token/", obtain_auth_token, name="api-token"), *super().get_urls()]


router = MishuRouter()
for app in API_APPS:
    import_module(f"{app}.api.urls").register(router)
