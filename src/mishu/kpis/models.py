"""The strategy: objectives of a year and their KPIs, each tied to an indicator with a target."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mishu.core.querysets import RestrictedQuerySet

from .choices import Direction

# The evaluators (研考) keep the strategy map; every signed-in user reads it.
STRATEGY_EDITORS = ("evaluator",)


class Objective(models.Model):
    """A strategic objective of a year (策略目標)."""

    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    year = models.PositiveSmallIntegerField(_("year (ROC)"))

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True
    reference_editors = STRATEGY_EDITORS

    class Meta:
        ordering = ["year", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="kpis_objective_unique")
        ]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return f"{self.year} {self.display_name}"

    def get_absolute_url(self):
        return reverse("kpis:objective_detail", args=[self.pk])

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
    reference_editors = STRATEGY_EDITORS

    class Meta:
        ordering = ["year", "objective__order", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "year"], name="kpis_kpi_unique")]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

    def __str__(self):
        return f"{self.year} {self.code} {self.display_name}"

    def get_absolute_url(self):
        return reverse("kpis:kpi_detail", args=[self.pk])

    def clean(self):
        """The KPI belongs to its objective's year, measures a known indicator, and weighs
        something."""
        from mishu.indicators import registry

        if self.objective_id:
            self.year = self.objective.year
        if self.indicator_code:
            try:
                registry.get(self.indicator_code)
            except registry.UnknownIndicator:
                raise ValidationError(
                    {"indicator_code": _("Unknown indicator “%(c)s”.") % {"c": self.indicator_code}}
                ) from None
        if self.weight is not None and self.weight <= 0:
            raise ValidationError({"weight": _("The weight must be greater than zero.")})

    @property
    def display_name(self) -> str:
        lang = get_language() or ""
        return self.name_en if lang.startswith("en") and self.name_en else self.name
