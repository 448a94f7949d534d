"""Mishu's URLs plus the bare views (bench only, mounted by bench.settings)."""

from django.urls import path

from mishu.urls import urlpatterns as mishu_urls

from . import bare

urlpatterns = [path("_bare/<str:name>/", bare.bare_page), *mishu_urls]
