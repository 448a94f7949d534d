"""The strategy: objectives of a year and their KPIs, each tied to an indicator with a target."""

from decimal import Decimal

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mishu.core.querysets import RestrictedQuerySet

from .choices import Direction


class Objective(models.Model):
    """A strategic objective of a year (策略目標)."""

    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    year = models.PositiveSmallIntegerField(_("year (ROC)"))

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True

    class Meta:
        ordering = ["year", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="kpis_objective_unique")
        ]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return f"{self.year} {self.display_name}"

    @property
    def display_name(self) -> str:
        lang = get_language() or ""
        return self.name_en if lang.startswith("en") and self.name_en else self.name


class KPI(models.Model):
    """A key performance indicator: an indicator, a direction, a target and a weight for a year."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="kpis"
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    indicator_code = models.CharField(_("indicator code"), max_length=60)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    target = models.DecimalField(_("target"), max_digits=20, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    weight = models.DecimalField(_("weight"), max_digits=8, decimal_places=4, default=Decimal(1))
    year = models.PositiveSmallIntegerField(_("year (ROC)"))

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True

    class Meta:
        ordering = ["year", "objective__order", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "year"], name="kpis_kpi_unique")]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self):
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        lang = get_language() or ""
        return self.name_en if lang.startswith("en") and self.name_en else self.name
