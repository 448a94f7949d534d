"""Building projects (工程), the statutory inspection and maintenance schedule, safety trainings."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel, UrlMixin


class ReportedProject(models.TextChoices):
    """Building projects whose progress reports feed a figure of the report."""

    SOUTH_AC = "south_ac", _("South air-conditioning renewal")


class BuildingProject(UrlMixin, DivisionScopedModel):
    """A building project: one record with its completion (竣工) and acceptance (驗收) dates, so a
    project cannot be accepted on two dates. `listed` marks the year's tracked facility projects
    (列管設施優化案) of the KPI."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("scheduled acceptance"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    listed = models.BooleanField(_("tracked facility project"), default=True)
    budget = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reported_as = models.CharField(
        _("reported as"),
        max_length=20,
        choices=ReportedProject.choices,
        blank=True,
        help_text=_("The report figure its progress reports feed (one project each)."),
    )

    class Meta:
        ordering = ["accepted_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["division", "title"], name="facilities_project_title"),
            models.UniqueConstraint(
                fields=["division", "reported_as"],
                condition=~models.Q(reported_as=""),
                name="facilities_project_reported_as",
                violation_error_message=_("Another project is already reported as this figure."),
            ),
        ]
        verbose_name = _("building project")
        verbose_name_plural = _("building projects")

    def __str__(self):
        return self.title

    @property
    def on_schedule(self) -> bool | None:
        """Accepted by its scheduled date (None while not accepted or unscheduled)."""
        if not self.accepted_on:
            return None
        return self.due_on is None or self.accepted_on <= self.due_on

    def clean(self):
        if self.completed_on and self.accepted_on and self.accepted_on < self.completed_on:
            raise ValidationError(
                {"accepted_on": _("The acceptance cannot be before the completion.")}
            )


class System(models.TextChoices):
    ELEVATOR = "elevator", _("Elevators")
    WINDOW_RIG = "window_rig", _("Window cleaning rig")
    FIRE = "fire", _("Fire safety")
    AIR = "air", _("Indoor air quality")
    ELECTRICAL = "electrical", _("Electrical")
    OTHER = "other", _("Other")


class MaintenanceTask(UrlMixin, DivisionScopedModel):
    """A statutory inspection or maintenance due by a date; overdue when not done by then."""

    system = models.CharField(_("system"), max_length=12, choices=System.choices)
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )
    spent = models.DecimalField(
        _("spent"), max_digits=12, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("maintenance task")
        verbose_name_plural = _("maintenance tasks")

    def __str__(self):
        return f"{self.due_on} {self.title}"

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()  # the Taipei date, not the server's
        return self.done_on is None and self.due_on < today

    is_overdue.boolean = True


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("Training")
    DRILL = "drill", _("Drill")


class SafetyTraining(UrlMixin, DivisionScopedModel):
    """A safety training or drill (消防訓練、防災演練) with its attendance."""

    kind = models.CharField(_("kind"), max_length=10, choices=TrainingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    attendance = models.PositiveIntegerField(_("attendance"), default=0)
    facility_system = models.BooleanField(
        _("facility management system course"),
        default=False,
        help_text=_("Counts towards the facility management system training KPI."),
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("safety training")
        verbose_name_plural = _("safety trainings")

    def __str__(self):
        return f"{self.date} {self.title}"
