"""Electricity, water and rainwater meters with their monthly readings; energy-saving projects."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel, UrlMixin


class MeterKind(models.TextChoices):
    ELECTRICITY = "electricity", _("Electricity (kWh)")
    WATER = "water", _("Water (m³)")
    RAINWATER = "rainwater", _("Rainwater reused (t)")


class Meter(UrlMixin, DivisionScopedModel):
    """A meter (電表、水表、雨水回收表) read once a month."""

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=MeterKind.choices)
    number = models.CharField(_("meter number"), max_length=40, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("meter")
        verbose_name_plural = _("meters")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


class MeterReading(UrlMixin, DivisionScopedModel):
    """The cumulative reading of a meter at the end of a month, and the month's usage.

    Usage is the difference from the previous month's reading; a reading lower than the previous
    one is refused unless it is marked as a meter change, when the new meter counts from zero
    (usage = reading). See `services.energy.save_reading`.
    """

    meter = models.ForeignKey(
        Meter, verbose_name=_("meter"), on_delete=models.PROTECT, related_name="readings"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month read."))
    reading = models.DecimalField(
        _("cumulative reading"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    meter_changed = models.BooleanField(_("meter changed"), default=False)
    usage = models.DecimalField(
        _("usage"), max_digits=14, decimal_places=2, default=0, editable=False
    )

    class Meta:
        ordering = ["meter", "month"]
        constraints = [
            models.UniqueConstraint(fields=["meter", "month"], name="facilities_reading_month")
        ]
        verbose_name = _("meter reading")
        verbose_name_plural = _("meter readings")

    def __str__(self):
        return f"{self.meter} {self.month:%Y-%m}"

    def previous(self):
        return (
            MeterReading.objects.filter(meter_id=self.meter_id, month__lt=self.month)
            .order_by("-month")
            .first()
        )

    def clean(self):
        if self.month and self.month.day != 1:
            self.month = self.month.replace(day=1)
        if not (self.meter_id and self.month and self.reading is not None):
            return
        prev = self.previous()
        if prev and self.reading < prev.reading and not self.meter_changed:
            raise ValidationError(
                {
                    "reading": _(
                        "The reading %(new)s is lower than the previous one (%(old)s, %(month)s); "
                        "mark it as a meter change if the meter was replaced."
                    )
                    % {"new": self.reading, "old": prev.reading, "month": f"{prev.month:%Y-%m}"}
                }
            )
        nxt = (
            MeterReading.objects.filter(meter_id=self.meter_id, month__gt=self.month)
            .exclude(pk=self.pk)
            .order_by("month")
            .first()
        )
        if nxt and not nxt.meter_changed and nxt.reading < self.reading:
            raise ValidationError(
                {
                    "reading": _("The reading %(new)s is higher than the next month's (%(old)s).")
                    % {"new": self.reading, "old": nxt.reading}
                }
            )

    def compute_usage(self):
        prev = self.previous()
        if self.meter_changed:
            self.usage = self.reading  # the new meter counts from zero
        elif prev is None:
            self.usage = 0  # a meter's first reading is the baseline
        else:
            self.usage = self.reading - prev.reading

    def save(self, *args, **kwargs):
        self.compute_usage()
        super().save(*args, **kwargs)


class Measure(models.TextChoices):
    LIGHTING = "lighting", _("LED lighting")
    AIR_CONDITIONING = "air_conditioning", _("Air-conditioning")
    OTHER = "other", _("Other")


class EnergyProject(UrlMixin, DivisionScopedModel):
    """An energy-saving project (LED, air-conditioning renewal, ...) and its estimated savings;
    the estimate counts in the period in which the project is completed."""

    title = models.CharField(_("title"), max_length=200)
    measure = models.CharField(
        _("measure"), max_length=20, choices=Measure.choices, default=Measure.OTHER
    )
    year = models.PositiveSmallIntegerField(_("year (AD)"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    progress = models.DecimalField(
        _("progress"),
        max_digits=5,
        decimal_places=4,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("A share between 0 and 1, e.g. 0.42 for 42%."),
    )
    yearly_saving_kwh = models.DecimalField(
        _("estimated yearly saving (kWh)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("energy-saving project")
        verbose_name_plural = _("energy-saving projects")

    def __str__(self):
        return self.title
