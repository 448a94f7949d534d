"""The citizen-service counters (市民服務組): counter tallies, coordinated petitions, professional
consultation sessions, volunteer service, nursing rooms and their use.

Tallies are counts: every row carries a `count`. A click on the counter's tally screen writes one
row with count 1; a monthly figure entered or imported from paper may be one row with its count.
Either way the indicators sum `count`, so the monthly cells are exact.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from .choices import ConsultationField, CoordinationKind, CounterCategory

COUNT = {"validators": [MinValueValidator(1)], "default": 1}


class _Dated(DivisionScopedModel):
    date = models.DateField(_("date"))

    class Meta:
        abstract = True
        ordering = ["-date", "-pk"]

    def get_absolute_url(self):
        return reverse(f"consultations:{self._meta.model_name}_detail", args=[self.pk])


class CounterContact(_Dated):
    """Contacts at the consultation counter (綜合諮詢櫃檯) of one category; one per tally click."""

    category = models.CharField(_("category"), max_length=15, choices=CounterCategory.choices)
    count = models.PositiveIntegerField(_("contacts"), **COUNT)

    class Meta(_Dated.Meta):
        indexes = [models.Index(fields=["division", "date", "category"])]
        verbose_name = _("counter contact")
        verbose_name_plural = _("counter contacts")

    def __str__(self):
        return f"{self.date} {self.get_category_display()} × {self.count}"


class CoordinatedPetition(_Dated):
    """Petitions the division coordinated between citizens and agencies (協處陳情)."""

    kind = models.CharField(_("kind"), max_length=12, choices=CoordinationKind.choices)
    count = models.PositiveIntegerField(_("cases"), **COUNT)
    subject = models.CharField(_("subject"), max_length=300, blank=True)

    class Meta(_Dated.Meta):
        indexes = [models.Index(fields=["division", "date", "kind"])]
        verbose_name = _("coordinated petition")
        verbose_name_plural = _("coordinated petitions")

    def __str__(self):
        return f"{self.date} {self.get_kind_display()} × {self.count}"


class ProfessionalConsultation(_Dated):
    """One session of free professional consultation (法律、建築、地政) and the cases it took."""

    field = models.CharField(_("field"), max_length=10, choices=ConsultationField.choices)
    count = models.PositiveIntegerField(_("cases"), **COUNT)
    adviser = models.CharField(_("adviser or guild"), max_length=200, blank=True)

    class Meta(_Dated.Meta):
        indexes = [models.Index(fields=["division", "date", "field"])]
        verbose_name = _("professional consultation")
        verbose_name_plural = _("professional consultations")

    def __str__(self):
        return f"{self.date} {self.get_field_display()} × {self.count}"


class VolunteerService(_Dated):
    """Volunteer desk service over a day or a month: persons served, leaflets handed out,
    trainings held and awards given."""

    persons_served = models.PositiveIntegerField(_("persons served"), default=0)
    leaflets = models.PositiveIntegerField(_("leaflets handed out"), default=0)
    trainings = models.PositiveIntegerField(_("trainings"), default=0)
    awards = models.PositiveIntegerField(_("awards"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta(_Dated.Meta):
        verbose_name = _("volunteer service")
        verbose_name_plural = _("volunteer services")

    def __str__(self):
        return f"{self.date} {self.persons_served}"


class NursingRoom(DivisionScopedModel):
    """A nursing room (哺集乳室) in City Hall, open from one date (to another)."""

    name = models.CharField(_("name"), max_length=100)
    location = models.CharField(_("location"), max_length=200, blank=True)
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nursing room")
        verbose_name_plural = _("nursing rooms")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("consultations:nursingroom_detail", args=[self.pk])


class NursingRoomUse(_Dated):
    """Uses of a nursing room on a day (or a month, when entered from the sign-in sheet)."""

    room = models.ForeignKey(
        NursingRoom, verbose_name=_("nursing room"), on_delete=models.PROTECT, related_name="uses"
    )
    count = models.PositiveIntegerField(_("uses"), **COUNT)

    class Meta(_Dated.Meta):
        verbose_name = _("nursing room use")
        verbose_name_plural = _("nursing room uses")

    def __str__(self):
        return f"{self.date} {self.room} × {self.count}"

    def clean(self):
        # a division counts the uses of its own rooms only
        if self.room_id and self.division_id and self.room.division_id != self.division_id:
            raise ValidationError({"room": _("This room belongs to another division.")})
