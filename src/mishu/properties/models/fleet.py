"""Official vehicles and their fuel logs."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel, UrlMixin


class VehicleType(models.TextChoices):
    """The values are the members of the `fleet.vehicles` indicator."""

    CAR = "汽車", _("Car")
    MOTORCYCLE = "機車", _("Motorcycle")


class FuelType(models.TextChoices):
    GASOLINE = "gasoline", _("Gasoline")
    DIESEL = "diesel", _("Diesel")


class Vehicle(UrlMixin, DivisionScopedModel):
    """An official vehicle; in service from acquisition until retirement."""

    plate = models.CharField(_("plate number"), max_length=20, unique=True)
    type = models.CharField(_("type"), max_length=4, choices=VehicleType.choices)
    model_name = models.CharField(_("model"), max_length=60, blank=True)
    fuel_type = models.CharField(
        _("fuel type"), max_length=10, choices=FuelType.choices, default=FuelType.GASOLINE
    )
    acquired_on = models.DateField(_("acquired on"), null=True, blank=True)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)

    class Meta:
        ordering = ["type", "plate"]
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")

    def __str__(self):
        return self.plate


class FuelLog(UrlMixin, DivisionScopedModel):
    """Fuel put into a vehicle on a day."""

    vehicle = models.ForeignKey(
        Vehicle, verbose_name=_("vehicle"), on_delete=models.PROTECT, related_name="fuel_logs"
    )
    date = models.DateField(_("date"))
    litres = models.DecimalField(
        _("litres"), max_digits=9, decimal_places=2, validators=[MinValueValidator(0)]
    )
    fuel_type = models.CharField(
        _("fuel type"), max_length=10, choices=FuelType.choices, default=FuelType.GASOLINE
    )
    amount = models.DecimalField(
        _("amount paid"),
        max_digits=10,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("fuel log")
        verbose_name_plural = _("fuel logs")

    def __str__(self):
        return f"{self.date} {self.vehicle} {self.litres}"

    def clean(self):
        if self.litres is not None and self.litres <= 0:
            raise ValidationError({"litres": _("The litres must be more than zero.")})
