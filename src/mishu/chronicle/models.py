"""The chronicle (大事紀): dated events of each division, with their quantities."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.models import DivisionScopedModel

from .choices import EventCategory


class Event(DivisionScopedModel):
    """A dated event: a trip, a delegation received, a meeting, a training, an award, ..."""

    # what a user enters, in this order, in the form, the API and an import file
    ENTERED_FIELDS = (
        "division",
        "category",
        "start_date",
        "end_date",
        "title",
        "description",
        "place",
        "people",
        "persons",
        "sessions",
        "groups",
    )

    category = models.CharField(_("category"), max_length=20, choices=EventCategory.choices)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    people = models.CharField(_("people involved"), max_length=300, blank=True)
    persons = models.PositiveIntegerField(_("persons"), null=True, blank=True)
    sessions = models.PositiveIntegerField(_("sessions"), null=True, blank=True)
    groups = models.PositiveIntegerField(_("groups"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["division", "category", "start_date"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"{self.when} {self.title}"

    @property
    def when(self) -> str:
        """The date or date range as the report writes it."""
        return formats.format_range(self.start_date, self.end_date or self.start_date)

    def clean(self):
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the date.")})

    def get_absolute_url(self):
        return reverse("chronicle:event_detail", args=[self.pk])
