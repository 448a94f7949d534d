"""City-owned buildings and land parcels managed by the secretariat (經管市有房地)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel, UrlMixin


class Building(UrlMixin, DivisionScopedModel):
    """A city-owned building (市有建物) managed by the secretariat."""

    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    use = models.CharField(_("use"), max_length=100, blank=True)
    continued_residence = models.BooleanField(
        _("family quarters meeting the continued-residence rules"),
        default=False,
        help_text=_("Family quarters whose residents meet the rules for continued residence."),
    )
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    disposed_on = models.DateField(_("disposed of on"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("city-owned building")
        verbose_name_plural = _("city-owned buildings")

    def __str__(self):
        return self.name


class LandParcel(UrlMixin, DivisionScopedModel):
    """A city-owned land parcel (市有土地): section and lot number."""

    section = models.CharField(_("section"), max_length=60)
    lot = models.CharField(_("lot number"), max_length=20)
    area = models.DecimalField(
        _("area (m²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    disposed_on = models.DateField(_("disposed of on"), null=True, blank=True)

    class Meta:
        ordering = ["section", "lot"]
        constraints = [
            models.UniqueConstraint(fields=["section", "lot"], name="properties_parcel_lot")
        ]
        verbose_name = _("land parcel")
        verbose_name_plural = _("land parcels")

    def __str__(self):
        return f"{self.section} {self.lot}"
