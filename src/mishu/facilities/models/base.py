"""Shared bits of the facilities models."""

from django.urls import reverse


class UrlMixin:
    """The staff detail page of a record, by the generic views' URL names."""

    def get_absolute_url(self):
        meta = self._meta
        return reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[self.pk])
