"""Root URLs: the staff UI, the API with its schema and docs, the admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from .api import router

admin.site.site_header = "秘書處業務平臺 Mishu"
admin.site.site_title = "Mishu"

urlpatterns = [
    path("", include("mishu.core.urls")),
    path("chronicle/", include("mishu.chronicle.urls")),
    path("indicators/", include("mishu.indicators.urls")),
    path("kpis/", include("mishu.kpis.urls")),
    path("reports/", include("mishu.reports.urls")),
    path("documents/", include("mishu.documents.urls")),
    path("petitions/", include("mishu.petitions.urls")),
    path("consultations/", include("mishu.consultations.urls")),
    path("facilities/", include("mishu.facilities.urls")),
    path("properties/", include("mishu.properties.urls")),
    path("procurement/", include("mishu.procurement.urls")),
    path("media/", include("mishu.media.urls")),
    path("gazette/", include("mishu.gazette.urls")),
    path("council/", include("mishu.council.urls")),
    path("open311/v2/", include("mishu.petitions.open311_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
