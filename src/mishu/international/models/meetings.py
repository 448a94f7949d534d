"""Meetings of the division: the International Affairs Committee, the mainland affairs group,
training courses, forums and the grants' review meetings, with their attendance."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from ..choices import MeetingKind


class Meeting(DivisionScopedModel):
    """A meeting, course or forum: kind, title as the report writes it (本府國際事務委員會第 3
    次會議), dates, place and what it dealt with (`summary`, the narrative only people know);
    who attended is in its attendance rows."""

    kind = models.CharField(_("kind"), max_length=12, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("date"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What it dealt with, as the report says it.")
    )

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("international:meeting_detail", args=[self.pk])

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})

    def attendance_totals(self) -> dict:
        """persons, units, and of them the foreign missions' units and persons (None without
        attendance rows)."""
        rows = list(self.attendance.all())
        if not rows:
            return {"persons": None, "units": None, "mission_units": None, "mission_persons": None}
        missions = [r for r in rows if r.foreign_mission]
        return {
            "persons": sum(r.persons for r in rows),
            "units": len({r.unit for r in rows}),
            "mission_units": len({r.unit for r in missions}) or None,
            "mission_persons": sum(r.persons for r in missions) or None,
        }


class Attendance(DivisionScopedModel):
    """Who came to a meeting: a unit (or a person) and how many persons it sent."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    unit = models.CharField(_("unit"), max_length=120)
    names = models.CharField(_("names"), max_length=300, blank=True)
    persons = models.PositiveIntegerField(
        _("persons"), default=1, validators=[MinValueValidator(1)]
    )
    foreign_mission = models.BooleanField(_("foreign mission in Taiwan (駐華單位)"), default=False)

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self):
        return f"{self.meeting}：{self.unit}"

    def get_absolute_url(self):
        return reverse("international:attendance_detail", args=[self.pk])

    def clean(self):
        if self.meeting_id and self.division_id and self.meeting.division_id != self.division_id:
            raise ValidationError({"meeting": _("The meeting belongs to another division.")})


def total_persons(meetings) -> int:
    return meetings.aggregate(n=Sum("attendance__persons"))["n"] or 0
