"""The register: one record per document number (收發文同號), its events and bulk batches."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from ..choices import (
    OFFICE_PREFIX,
    Classification,
    Direction,
    HandlingMode,
    Medium,
    Office,
    Speed,
    State,
    Timeliness,
)


def format_number(office: str, year: int, serial: int) -> str:
    """The office's document number: prefix, ROC year (3 digits) and a 7-digit serial."""
    return f"{OFFICE_PREFIX[office]}第{year:03d}{serial:07d}號"


class DocumentSequence(models.Model):
    """The next serial of an office in an ROC year; incoming and outgoing share it."""

    office = models.CharField(_("office"), max_length=20, choices=Office.choices)
    year = models.PositiveSmallIntegerField(_("ROC year"))
    last_serial = models.PositiveIntegerField(_("last serial"), default=0)

    audit_exclude = True  # a counter: every number it hands out is logged on the document

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="documents_sequence_unique")
        ]

    def __str__(self):
        return f"{self.office} {self.year}: {self.last_serial}"


class DocumentBatch(DivisionScopedModel):
    """A bulk write (demo, synthetic data, import): the change log holds one entry per batch
    (this record's creation) instead of one per document, and each document points to it."""

    source = models.CharField(_("source"), max_length=30)
    label = models.CharField(_("label"), max_length=100)
    count = models.PositiveIntegerField(_("documents"), default=0)
    first_number = models.CharField(_("first number"), max_length=40, blank=True)
    last_number = models.CharField(_("last number"), max_length=40, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("document batch")
        verbose_name_plural = _("document batches")

    def __str__(self):
        return f"{self.source} {self.label} ({self.count})"


class Document(DivisionScopedModel):
    """A document in the register. The division is the handling unit (承辦單位).

    An incoming document gets its number on receipt; the reply is dispatched under the same
    number. A document drafted in the office (創稿) gets its number when registered.
    """

    # what a clerk enters when registering or correcting (form and API); number, deadline and
    # state come from the services
    ENTERED_FIELDS = (
        "division",
        "office",
        "direction",
        "subject",
        "sender",
        "received_on",
        "registered_on",
        "speed",
        "classification",
        "declassification",
        "stated_deadline",
        "project_control",
        "medium",
        "handling_mode",
        "handler",
        "recipients",
        "seal_uses",
    )

    office = models.CharField(_("office"), max_length=20, choices=Office.choices)
    year = models.PositiveSmallIntegerField(_("ROC year"))
    serial = models.PositiveIntegerField(_("serial"))
    number = models.CharField(_("number"), max_length=40, unique=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    subject = models.CharField(_("subject"), max_length=500)
    sender = models.ForeignKey(
        "core.Agency",
        verbose_name=_("sender agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    registered_on = models.DateField(_("registered on"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    speed = models.CharField(
        _("speed class"), max_length=12, choices=Speed.choices, default=Speed.ORDINARY
    )
    classification = models.CharField(
        _("classification"), max_length=12, choices=Classification.choices, blank=True
    )
    declassification = models.CharField(_("declassification condition"), max_length=200, blank=True)
    stated_deadline = models.DateField(_("stated deadline"), null=True, blank=True)
    project_control = models.BooleanField(_("project control (專案管制)"), default=False)
    medium = models.CharField(
        _("medium"), max_length=12, choices=Medium.choices, default=Medium.ELECTRONIC
    )
    handling_mode = models.CharField(
        _("handling mode"), max_length=10, choices=HandlingMode.choices, default=HandlingMode.ONLINE
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.CharField(_("recipients"), max_length=500, blank=True)
    dispatched_on = models.DateField(_("dispatched on"), null=True, blank=True)
    seal_uses = models.PositiveSmallIntegerField(_("seal uses (蓋用印信)"), default=0)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    days_used = models.DecimalField(
        _("working days used"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    timeliness = models.CharField(
        _("timeliness"), max_length=10, choices=Timeliness.choices, blank=True
    )
    batch = models.ForeignKey(
        DocumentBatch,
        verbose_name=_("batch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        editable=False,
    )

    class Meta:
        ordering = ["-registered_on", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "year", "serial"], name="documents_number_unique"
            )
        ]
        indexes = [
            # The overdue / near-deadline lists: open documents of one unit by deadline.
            models.Index(
                fields=["division", "deadline"],
                condition=Q(closed_on__isnull=True),
                name="documents_open_by_unit",
            ),
            models.Index(
                fields=["handler", "deadline"],
                condition=Q(closed_on__isnull=True),
                name="documents_open_by_handler",
            ),
            # The report's period counts.
            models.Index(fields=["received_on"], name="documents_received_on"),
            # covering: the seal-use sum of a period is read from the index alone (PostgreSQL)
            models.Index(
                fields=["dispatched_on"], include=["seal_uses"], name="documents_dispatched_on"
            ),
            models.Index(fields=["office", "registered_on"], name="documents_office_registered"),
            # The report's timeliness by month (documents closed in a month): without it, asking
            # whether a month has a closed document read the city's register (15 s at 3,500 萬).
            # Closed documents only: an index holding the open ones too is what PostgreSQL
            # chose for the overdue list's `closed_on IS NULL` instead of documents_open_by_unit.
            models.Index(
                fields=["closed_on"],
                condition=Q(closed_on__isnull=False),
                name="documents_closed_on",
            ),
            # The register's pages in its order (newest first), whole or of one unit: the first
            # page reads 50 index entries instead of sorting the unit's documents (issue 17).
            models.Index(fields=["registered_on", "id"], name="documents_register_order"),
            models.Index(
                fields=["division", "registered_on", "id"], name="documents_unit_register"
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.subject}"

    def get_absolute_url(self):
        return reverse("documents:document_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class DocumentEvent(models.Model):
    """A named workflow event of a document (assigned, extended, dispatched, ...)."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="events"
    )
    name = models.CharField(_("event"), max_length=30)
    from_state = models.CharField(_("from"), max_length=12, blank=True)
    to_state = models.CharField(_("to"), max_length=12, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("document event")
        verbose_name_plural = _("document events")

    def __str__(self):
        return f"{self.document.number} {self.name}"

    @property
    def label(self) -> str:
        from ..workflow import event_label

        return event_label(self.name)

    def _state_label(self, code):
        return State(code).label if code in State.values else code

    @property
    def from_label(self) -> str:
        return self._state_label(self.from_state)

    @property
    def to_label(self) -> str:
        return self._state_label(self.to_state)
