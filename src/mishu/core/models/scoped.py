"""The base of every record a division owns."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..querysets import RestrictedQuerySet


class DivisionScopedModel(models.Model):
    """A record owned by a division: only that division (and those entitled) see or change it."""

    division = models.ForeignKey(
        "core.Division", verbose_name=_("division"), on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_updated = models.DateTimeField(_("last updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = RestrictedQuerySet.as_manager()
    division_path = "division"

    class Meta:
        abstract = True


class UrlMixin:
    """The staff detail page of a record, by the generic views' URL names."""

    def get_absolute_url(self):
        meta = self._meta
        return reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[self.pk])
