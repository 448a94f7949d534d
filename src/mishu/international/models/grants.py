"""Grants to civil groups for international conferences and events (協助社會團體及各級學校辦理或
參加國際性會議活動): application, review meeting (審查會) or special memo (專案簽准), payment."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from ..choices import GrantStatus, MeetingKind

AMOUNT = {"max_digits": 12, "decimal_places": 0, "validators": [MinValueValidator(0)]}


class GrantApplication(DivisionScopedModel):
    """A group's application for support; its status moves only through `workflow`."""

    ENTERED_FIELDS = [
        "applicant",
        "event_title",
        "event_start",
        "event_end",
        "place",
        "applied_on",
        "requested_amount",
        "note",
    ]

    applicant = models.CharField(_("applicant group"), max_length=200)
    event_title = models.CharField(_("conference or event"), max_length=300)
    event_start = models.DateField(_("event starts"), null=True, blank=True)
    event_end = models.DateField(_("event ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=120, blank=True)
    applied_on = models.DateField(_("applied on"))
    requested_amount = models.DecimalField(_("amount requested"), null=True, blank=True, **AMOUNT)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.APPLIED
    )
    review_meeting = models.ForeignKey(
        "international.Meeting",
        verbose_name=_("review meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
        limit_choices_to={"kind": MeetingKind.REVIEW},
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    special = models.BooleanField(_("approved by special memo"), default=False)
    memo_number = models.CharField(_("memo number"), max_length=60, blank=True)
    approved_amount = models.DecimalField(_("amount approved"), null=True, blank=True, **AMOUNT)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_amount = models.DecimalField(_("amount paid"), null=True, blank=True, **AMOUNT)

    class Meta:
        ordering = ["-applied_on", "-pk"]
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        indexes = [
            models.Index(fields=["division", "applied_on"]),
            models.Index(fields=["division", "decided_on"]),
            models.Index(fields=["division", "paid_on"]),
        ]

    def __str__(self):
        return f"{self.applicant}：{self.event_title}"

    def get_absolute_url(self):
        return reverse("international:grantapplication_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The last day cannot be before the first.")
        if self.review_meeting_id and self.division_id:
            if self.review_meeting.division_id != self.division_id:
                errors["review_meeting"] = _("The meeting belongs to another division.")
        if errors:
            raise ValidationError(errors)


class GrantEvent(models.Model):
    """A step of an application's workflow: who moved it, when, from which status to which."""

    application = models.ForeignKey(
        GrantApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=12)
    from_status = models.CharField(_("from"), max_length=10, blank=True)
    to_status = models.CharField(_("to"), max_length=10)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("grant workflow step")
        verbose_name_plural = _("grant workflow steps")

    def __str__(self):
        return f"{self.application} {self.action_label()}"

    def action_label(self) -> str:
        from ..workflow import TRANSITIONS

        return str(TRANSITIONS[self.action][2]) if self.action in TRANSITIONS else self.action

    def from_label(self) -> str:
        return str(GrantStatus(self.from_status).label) if self.from_status else "—"

    def to_label(self) -> str:
        return str(GrantStatus(self.to_status).label)
