"""Observed indicators, their values per period and cell, and the snapshots of closed periods."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel
from mishu.core.querysets import RestrictedQuerySet

from .cells import format_cell
from .choices import IndicatorKind


class ObservedIndicator(models.Model):
    """An indicator whose values are entered or imported per period (no app records the work)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    division = models.ForeignKey(
        "core.Division", verbose_name=_("division"), on_delete=models.PROTECT, related_name="+"
    )
    dimensions = models.JSONField(_("dimensions"), default=list, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.COUNT
    )
    allow_negative = models.BooleanField(_("negative values allowed"), default=False)
    stock = models.BooleanField(
        _("stock (stands at the period's end)"),
        default=False,
        help_text=_(
            "A stock (subscribers, a cumulative count) is not summed over time: a year takes "
            "the value of its last half-year."
        ),
    )

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True  # every signed-in user reads definitions; administrators change them

    class Meta:
        ordering = ["code"]
        verbose_name = _("observed indicator")
        verbose_name_plural = _("observed indicators")

    def __str__(self):
        return f"{self.code} {self.label}"

    def get_absolute_url(self):
        return reverse("indicators:observedindicator_detail", args=[self.pk])


class Observation(DivisionScopedModel):
    """One value of an observed indicator for a period and a dimension cell ({} for plain)."""

    indicator = models.ForeignKey(
        ObservedIndicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="observations",
    )
    period = models.CharField(_("period"), max_length=10, db_index=True)
    cell = models.JSONField(_("cell"), default=dict, blank=True)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["indicator__code", "period", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "cell"], name="indicators_observation_unique_cell"
            )
        ]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self):
        cell = format_cell(self.cell)
        return f"{self.indicator.code} {self.period}{f' {cell}' if cell else ''}"

    def cell_text(self) -> str:
        return format_cell(self.cell)

    cell_text.short_description = _("cell")

    def get_absolute_url(self):
        return reverse("indicators:observation_detail", args=[self.pk])


class PeriodSnapshot(models.Model):
    """The frozen values of every indicator for a closed period (its report is reproducible)."""

    period = models.CharField(_("period"), max_length=10, unique=True)
    closed_at = models.DateTimeField(_("closed at"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    values = models.JSONField(_("values"), default=dict)
    reopened = models.BooleanField(_("reopened"), default=False)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reopened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    is_reference_data = True
    audit_skip = {"values"}  # the snapshot itself is large; the log keeps who closed and reopened

    class Meta:
        ordering = ["-period"]
        verbose_name = _("period snapshot")
        verbose_name_plural = _("period snapshots")

    def __str__(self):
        return self.period

    @property
    def is_closed(self) -> bool:
        return not self.reopened
