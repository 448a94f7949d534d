"""Applications to read or copy archives (檔案應用, 檔案法 17–21): who applied (personal data
masked like a petitioner's: seen only through `services.applications.reveal_applicant`, which
logs every access), the decision within 30 days, refused only on a ground of 檔案法第 18 條,
and the reading-room visits and copies made."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.models import DivisionScopedModel
from mishu.core.querysets import RestrictedQuerySet

from ..choices import ApplicantKind, ApplicationPurpose, ApplicationState, RefusalReason


def labelled(label):
    """Name a method for list columns and detail rows (core.tables.column_label)."""

    def decorate(fn):
        fn.short_description = label
        return fn

    return decorate


DECISION_DAYS = 30  # 檔案法第 19 條: decided within 30 days of the application
PERSONAL_FIELDS = ("applicant_name", "applicant_id_no", "applicant_contact", "applicant_address")


class ArchiveApplication(DivisionScopedModel):
    """An application to read or copy archives, and its decision."""

    ENTERED_FIELDS = (
        "applicant_kind",
        "purpose",
        "received_on",
        "requested",
        "reason",
    )

    applicant_kind = models.CharField(
        _("applicant"), max_length=10, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    applicant_name = models.CharField(_("applicant's name"), max_length=100)
    applicant_id_no = models.CharField(_("ID or registration number"), max_length=20, blank=True)
    applicant_contact = models.CharField(_("telephone or e-mail"), max_length=100, blank=True)
    applicant_address = models.CharField(_("address"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=10, choices=ApplicationPurpose.choices)
    received_on = models.DateField(_("received on"))
    requested = models.TextField(_("archives requested (file codes or subjects)"))
    reason = models.CharField(_("reason for applying"), max_length=300, blank=True)
    deadline = models.DateField(_("decide by"), editable=False)
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=ApplicationState.choices,
        default=ApplicationState.PENDING,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    refusal_reason = models.CharField(
        _("legal ground for refusal"), max_length=6, choices=RefusalReason.choices, blank=True
    )
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)

    audit_mask = set(PERSONAL_FIELDS)

    class Meta:
        ordering = ["-received_on", "-pk"]
        permissions = [("view_applicant", _("Can see archive applicants' personal data"))]
        verbose_name = _("archive application")
        verbose_name_plural = _("archive applications")
        indexes = [models.Index(fields=["division", "state", "deadline"], name="archives_app_due")]

    def __str__(self):
        return f"{self.received_on:%Y%m%d}-{self.pk or 0:04d} {self.masked_name()}"

    def get_absolute_url(self):
        return reverse("archives:archiveapplication_detail", args=[self.pk])

    @labelled(_("applicant's name"))
    def masked_name(self) -> str:
        """The applicant's name as staff see it: the first character and a mask (王○○)."""
        name = self.applicant_name
        return f"{name[0]}○○" if name else ""

    @labelled(_("decided in time"))
    def in_time(self) -> bool | None:
        if self.decided_on is None:
            return None
        return self.decided_on <= self.deadline

    def save(self, *args, **kwargs):
        if self.received_on:
            self.deadline = self.received_on + datetime.timedelta(days=DECISION_DAYS)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.decided_on and self.received_on and self.decided_on < self.received_on:
            errors["decided_on"] = _("The decision cannot be before the application.")
        if self.state == ApplicationState.REFUSED and not self.refusal_reason:
            errors["refusal_reason"] = _("A refusal needs its legal ground (檔案法第 18 條).")
        if self.state != ApplicationState.REFUSED and self.refusal_reason:
            errors["refusal_reason"] = _("Only a refusal has a legal ground.")
        if self.state != ApplicationState.PENDING and not self.decided_on:
            errors["decided_on"] = _("A decision needs its date.")
        if errors:
            raise ValidationError(errors)


class ReadingVisit(models.Model):
    """A visit to the reading room (閱覽) under an approved application, and the copies made."""

    application = models.ForeignKey(
        ArchiveApplication,
        verbose_name=_("archive application"),
        on_delete=models.CASCADE,
        related_name="visits",
    )
    visited_on = models.DateField(_("visited on"))
    copies = models.PositiveIntegerField(_("pages copied"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = RestrictedQuerySet.as_manager()
    division_path = "application__division"

    class Meta:
        ordering = ["visited_on", "pk"]
        verbose_name = _("reading-room visit")
        verbose_name_plural = _("reading-room visits")

    def __str__(self):
        return f"{self.application} {self.visited_on}"


class ApplicantDataAccess(models.Model):
    """One view of an applicant's unmasked details: who, when, which application, why (個資法)."""

    application = models.ForeignKey(
        ArchiveApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="personal_data_accesses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)

    objects = RestrictedQuerySet.as_manager()
    division_path = "application__division"

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("applicant data access")
        verbose_name_plural = _("applicant data accesses")

    def __str__(self):
        return f"{self.user} {self.application_id} {formats.format_datetime(self.at, short=True)}"
