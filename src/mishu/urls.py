"""Root URLs: the staff UI, the API with its schema and docs, the admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from .api import router
from .core.views.moved import moved

# /facilities/ was split into venue bookings and the building's records
VENUE_PATHS = {"book", "calendar", "statistics", "bookings", "venues", "venuerates"}


def _facilities(prefix):
    return lambda first: f"{prefix}{'venues' if first in VENUE_PATHS else 'building'}/"


handler404 = "mishu.core.views.errors.page_not_found"
handler500 = "mishu.core.views.errors.server_error"

admin.site.site_header = "秘書處業務平臺 Mishu"
admin.site.site_title = "Mishu"

urlpatterns = [
    path("", include("mishu.core.urls")),
    path("chronicle/", include("mishu.chronicle.urls")),
    path("indicators/", include("mishu.indicators.urls")),
    path("kpis/", include("mishu.kpis.urls")),
    path("reports/", include("mishu.reports.urls")),
    re_path(r"^documents/returns/(?P<rest>.*)$", moved(lambda first: "/edocs/returns/")),
    path("documents/", include("mishu.documents.urls")),
    path("edocs/", include("mishu.edocs.urls")),
    path("petitions/", include("mishu.petitions.urls")),
    path("consultations/", include("mishu.consultations.urls")),
    path("venues/", include("mishu.venues.urls")),
    path("building/", include("mishu.building.urls")),
    re_path(r"^facilities/(?P<rest>.*)$", moved(_facilities("/"))),
    path("properties/", include("mishu.properties.urls")),
    path("procurement/", include("mishu.procurement.urls")),
    path("archives/", include("mishu.archives.urls")),
    path("international/", include("mishu.international.urls")),
    path("research/", include("mishu.research.urls")),
    path("media/", include("mishu.media.urls")),
    path("gazette/", include("mishu.gazette.urls")),
    path("council/", include("mishu.council.urls")),
    path("open311/v2/", include("mishu.petitions.open311_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    re_path(r"^api/facilities/(?P<rest>.*)$", moved(_facilities("/api/"))),
    re_path(
        r"^api/documents/edocument-returns/(?P<rest>.*)$",
        moved(lambda first: "/api/edocs/returns/"),
    ),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
