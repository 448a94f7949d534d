"""Trips abroad (出國) by the city's officials, and the trip report each one owes."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

# 行政院及所屬各機關出國報告綜合處理要點: the report is due within three months of return.
REPORT_MONTHS = 3


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class Trip(DivisionScopedModel):
    """A trip abroad: who led it (and whether as head of a delegation), the other officials,
    destination cities, dates, purpose, budget, and the trip report due three months after
    return."""

    ENTERED_FIELDS = [
        "start_date",
        "end_date",
        "leader",
        "led_delegation",
        "officials",
        "destinations",
        "purpose",
        "budget",
        "report_submitted_on",
        "sister_city",
    ]

    start_date = models.DateField(_("departure"))
    end_date = models.DateField(_("return"))
    leader = models.CharField(
        _("leader"), max_length=120, help_text=_("As the report writes it, e.g. 柯市長文哲.")
    )
    led_delegation = models.BooleanField(_("led a delegation (率團)"), default=True)
    officials = models.TextField(_("other officials"), blank=True)
    destinations = models.CharField(
        _("destination cities"), max_length=200, blank=True, help_text=_("e.g. 澳洲布里斯本")
    )
    purpose = models.CharField(
        _("purpose"), max_length=400, help_text=_("e.g. 出席「2019 亞太城市高峰會」")
    )
    budget = models.DecimalField(
        _("budget"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    report_due = models.DateField(_("trip report due"), editable=False)
    report_submitted_on = models.DateField(_("trip report submitted on"), null=True, blank=True)
    sister_city = models.ForeignKey(
        "international.SisterCity",
        verbose_name=_("sister city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trips",
    )

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("trip abroad")
        verbose_name_plural = _("trips abroad")
        indexes = [models.Index(fields=["report_submitted_on", "report_due"])]

    def __str__(self):
        return self.description

    @property
    def description(self) -> str:
        """「柯市長文哲率團赴大陸上海市出席「2019 臺北上海城市論壇」及市政參訪」."""
        led = "率團" if self.led_delegation else ""
        to = f"赴{self.destinations}" if self.destinations else ""
        return f"{self.leader}{led}{to}{self.purpose}"

    def get_absolute_url(self):
        return reverse("international:trip_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.report_due = add_months(self.end_date, REPORT_MONTHS)
        super().save(*args, **kwargs)

    def is_report_overdue(self, today: datetime.date) -> bool:
        return self.report_submitted_on is None and add_months(self.end_date, REPORT_MONTHS) < today

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The return cannot be before the departure.")
        if self.report_submitted_on and self.end_date and self.report_submitted_on < self.end_date:
            errors["report_submitted_on"] = _("The trip report cannot precede the return.")
        if self.sister_city_id and self.division_id:
            if self.sister_city.division_id != self.division_id:
                errors["sister_city"] = _("The city belongs to another division.")
        if errors:
            raise ValidationError(errors)
