"""Petitions to the mayor's office (陳情) routed to the competent agencies, the named workflow
events of each case, the log of who saw a petitioner's personal data, and collective petitions
(集體陳情)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.models import DivisionScopedModel
from mishu.core.querysets import RestrictedQuerySet

from .choices import Channel, DeclineReason, EventAction, ExtensionStatus, Satisfaction, Status

PERSONAL_FIELDS = ("petitioner_name", "petitioner_contact", "petitioner_address")
MASK = "●●●"


class _LabelledProperty(property):
    """A property that can carry `short_description` (plain properties take no attributes)."""


def labelled(label):
    """Decorate a method into a property with a column label for the generic tables."""

    def decorate(fget):
        prop = _LabelledProperty(fget)
        prop.short_description = label
        return prop

    return decorate


class PetitionCase(DivisionScopedModel):
    """One petition: who sent it (personal data), what about, which agency answers it, by when.

    The petitioner's fields are visible only with the `view_petitioner` permission, through
    `services.reveal_petitioner` which logs every access; everywhere else they are masked.
    """

    number = models.CharField(_("case number"), max_length=20, unique=True)
    password_hash = models.CharField(max_length=128, blank=True, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    received_on = models.DateField(_("received on"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("content"), blank=True)
    category = models.CharField(_("category"), max_length=50, blank=True)
    petitioner_name = models.CharField(_("petitioner"), max_length=100, blank=True)
    petitioner_contact = models.CharField(_("contact"), max_length=200, blank=True)
    petitioner_address = models.CharField(_("address"), max_length=300, blank=True)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("competent agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    time_limit = models.PositiveSmallIntegerField(_("time limit (working days)"), default=6)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    extension_reason = models.CharField(_("extension reason"), max_length=300, blank=True)
    reply = models.TextField(_("reply"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason not handled"), max_length=15, choices=DeclineReason.choices, blank=True
    )
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("repeat of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="repeats",
    )
    satisfaction = models.CharField(
        _("satisfaction"), max_length=1, choices=Satisfaction.choices, blank=True
    )
    anonymised_on = models.DateField(_("personal data erased on"), null=True, blank=True)
    # What Open311 publishes of the case beyond service, status and dates: nothing until a clerk
    # writes a summary free of personal data and approves it (`services.approve_public_summary`).
    public_summary = models.TextField(_("public summary"), blank=True, editable=False)
    public_summary_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("public summary approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    public_summary_approved_at = models.DateTimeField(
        _("public summary approved at"), null=True, blank=True, editable=False
    )

    audit_mask = set(PERSONAL_FIELDS)
    audit_skip = {"password_hash"}

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            # the list in its order: the first page without sorting every case (issue 17)
            models.Index(fields=["received_on", "id"], name="petitions_list_order"),
            models.Index(fields=["division", "received_on"]),
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["status", "deadline"]),
        ]
        permissions = [("view_petitioner", _("Can see petitioners' personal data"))]
        verbose_name = _("petition case")
        verbose_name_plural = _("petition cases")

    def __str__(self):
        return f"{self.number} {self.subject}"

    def get_absolute_url(self):
        return reverse("petitions:petitioncase_detail", args=[self.pk])

    @labelled(_("petitioner"))
    def masked_name(self) -> str:
        """The petitioner's name as others see it: the family name and a mask (王○○)."""
        name = self.petitioner_name
        return f"{name[0]}○○" if name else ""

    def clean(self):
        if self.replied_on and self.replied_on < self.received_on:
            raise ValidationError({"replied_on": _("The reply cannot be before receipt.")})
        if self.status == Status.DECLINED and not self.decline_reason:
            raise ValidationError({"decline_reason": _("A declined case needs its reason.")})


class PetitionEvent(models.Model):
    """A named workflow event of a case: assigned, reassigned, extended, replied, closed..."""

    case = models.ForeignKey(
        PetitionCase, verbose_name=_("case"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=12, choices=EventAction.choices)
    from_status = models.CharField(_("from"), max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=Status.choices, blank=True)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = RestrictedQuerySet.as_manager()
    division_path = "case__division"

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("petition event")
        verbose_name_plural = _("petition events")

    def __str__(self):
        return f"{self.case.number} {self.get_action_display()}"


class ExtensionRequest(models.Model):
    """A clerk's request to extend a case's deadline (展期), waiting in the supervisor's queue
    (待核) until approved or rejected with a note; both are events of the case."""

    case = models.ForeignKey(
        PetitionCase, on_delete=models.CASCADE, related_name="extension_requests"
    )
    days = models.PositiveSmallIntegerField(_("working days to add"))
    reason = models.CharField(_("reason"), max_length=300)
    petitioner_told = models.BooleanField(_("petitioner told"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_on = models.DateField(_("requested on"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.REQUESTED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=300, blank=True)

    objects = RestrictedQuerySet.as_manager()
    division_path = "case__division"

    class Meta:
        ordering = ["requested_on", "pk"]
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")

    def __str__(self):
        return f"{self.case.number} +{self.days}"


class PersonalDataAccess(models.Model):
    """One view of a petitioner's unmasked details: who, when, which case, why (個資法)."""

    case = models.ForeignKey(
        PetitionCase,
        verbose_name=_("case"),
        on_delete=models.CASCADE,
        related_name="personal_data_accesses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    purpose = models.CharField(_("purpose"), max_length=200, blank=True)

    objects = RestrictedQuerySet.as_manager()
    division_path = "case__division"

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")

    def __str__(self):
        return f"{self.user} {self.case.number} {formats.format_datetime(self.at, short=True)}"


class AgencyContact(DivisionScopedModel):
    """Who at an agency receives deadline reminders for its petition cases."""

    agency = models.OneToOneField(
        "core.Agency", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("contact person"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"))

    class Meta:
        ordering = ["agency__order"]
        verbose_name = _("agency contact")
        verbose_name_plural = _("agency contacts")

    def __str__(self):
        return f"{self.agency} {self.email}"

    def get_absolute_url(self):
        return reverse("petitions:agencycontact_detail", args=[self.pk])


class CollectivePetition(DivisionScopedModel):
    """A collective petition (集體陳情) at City Hall: who came, how many, how long until they
    dispersed. The KPI is the average hours from arrival to dispersal."""

    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    group = models.CharField(_("group"), max_length=200)
    size = models.PositiveIntegerField(_("number of people"))
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("competent agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    arrived_at = models.DateTimeField(_("arrived at"))
    dispersed_at = models.DateTimeField(_("dispersed at"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["division", "date"])]
        verbose_name = _("collective petition")
        verbose_name_plural = _("collective petitions")

    def __str__(self):
        return f"{self.date} {self.group}"

    def get_absolute_url(self):
        return reverse("petitions:collectivepetition_detail", args=[self.pk])

    @property
    def hours(self):
        """Hours from arrival to dispersal, exact (None while still there)."""
        if not self.dispersed_at:
            return None
        return Decimal((self.dispersed_at - self.arrived_at).total_seconds()) / 3600

    @labelled(_("hours to dispersal"))
    def hours_to_dispersal(self):
        """The hours rounded to 2 places, for display."""
        hours = self.hours
        return None if hours is None else hours.quantize(Decimal("0.01"))

    def clean(self):
        if self.dispersed_at and self.arrived_at and self.dispersed_at < self.arrived_at:
            raise ValidationError(
                {"dispersed_at": _("The dispersal cannot be before the arrival.")}
            )
