"""研考 records of 總務組: phone courtesy tests, timeliness bulletins (電子期刊) and
document-handling training sessions with their attendance."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from .choices import Check


class PhoneTest(DivisionScopedModel):
    """One test call: who called (agency, person) whom (agency, unit, number), when, each
    check passed or failed (`checks`: {check code: true/false}, every check answered), and
    what was found."""

    ENTERED_FIELDS = [
        "tested_on",
        "tester_agency",
        "tester_name",
        "tested_agency",
        "tested_unit",
        "phone",
        "checks",
        "findings",
    ]

    tested_on = models.DateField(_("tested on"))
    tester_agency = models.ForeignKey(
        "core.Agency", verbose_name=_("testing agency"), on_delete=models.PROTECT, related_name="+"
    )
    tester_name = models.CharField(_("tester"), max_length=60, blank=True)
    tested_agency = models.ForeignKey(
        "core.Agency", verbose_name=_("tested agency"), on_delete=models.PROTECT, related_name="+"
    )
    tested_unit = models.CharField(_("tested unit"), max_length=120)
    phone = models.CharField(_("number called"), max_length=40, blank=True)
    checks = models.JSONField(_("checks"), default=dict)
    findings = models.TextField(_("findings"), blank=True)

    class Meta:
        ordering = ["-tested_on", "-pk"]
        verbose_name = _("phone courtesy test")
        verbose_name_plural = _("phone courtesy tests")
        indexes = [models.Index(fields=["division", "tested_on"])]

    def __str__(self):
        return f"{self.tested_on} {self.tested_unit}"

    def get_absolute_url(self):
        return reverse("research:phonetest_detail", args=[self.pk])

    @property
    def failed(self) -> list[str]:
        """The codes of the checks failed, in the checks' order."""
        return [c for c in Check.values if self.checks.get(c) is False]

    def clean(self):
        errors = {}
        if not isinstance(self.checks, dict):
            errors["checks"] = _("Give each check as passed (true) or failed (false).")
        else:
            unknown = [k for k in self.checks if k not in Check.values]
            missing = [c for c in Check.values if c not in self.checks]
            wrong = [k for k, v in self.checks.items() if not isinstance(v, bool)]
            if unknown or missing or wrong:
                errors["checks"] = _(
                    "Give every check (%(codes)s) as passed (true) or failed (false)."
                ) % {"codes": "、".join(Check.values)}
        if self.tester_agency_id and self.tester_agency_id == self.tested_agency_id:
            errors["tested_agency"] = _("An agency does not test itself.")
        if errors:
            raise ValidationError(errors)


class Bulletin(DivisionScopedModel):
    """An issue of the document-timeliness e-bulletin (公文時效管制宣導電子期刊)."""

    issue = models.PositiveIntegerField(_("issue"), validators=[MinValueValidator(1)])
    published_on = models.DateField(_("published on"))
    title = models.CharField(_("title"), max_length=200)
    topics = models.TextField(_("topics"), blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True, validators=[URLValidator()])

    class Meta:
        ordering = ["-published_on", "-issue"]
        verbose_name = _("timeliness bulletin")
        verbose_name_plural = _("timeliness bulletins")
        constraints = [
            models.UniqueConstraint(fields=["division", "issue"], name="research_bulletin_issue")
        ]

    def __str__(self):
        return f"第 {self.issue} 期 {self.title}"

    def get_absolute_url(self):
        return reverse("research:bulletin_detail", args=[self.pk])


class TrainingSession(DivisionScopedModel):
    """A document-handling training session (文書相關教育訓練); who came is its attendance."""

    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=200)
    lecturer = models.CharField(_("lecturer"), max_length=120, blank=True)
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=1, validators=[MinValueValidator(0)]
    )
    place = models.CharField(_("place"), max_length=120, blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("research:trainingsession_detail", args=[self.pk])


class TrainingAttendance(DivisionScopedModel):
    """How many of a unit's staff attended a session."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("training session"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    unit = models.CharField(_("unit"), max_length=120)
    persons = models.PositiveIntegerField(_("persons"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["session", "pk"]
        verbose_name = _("training attendance")
        verbose_name_plural = _("training attendance")

    def __str__(self):
        return f"{self.session}：{self.unit}"

    def get_absolute_url(self):
        return reverse("research:trainingattendance_detail", args=[self.pk])

    def clean(self):
        if self.session_id and self.division_id and self.session.division_id != self.division_id:
            raise ValidationError({"session": _("The session belongs to another division.")})
