"""Timeliness control records: deadline extensions, reminders and import jobs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ExtensionStatus, JobStatus, ReminderKind
from .document import Document


class DeadlineExtension(models.Model):
    """A request to move a document's deadline (展期): asked before the deadline, decided by a
    supervisor with a reason."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="extensions"
    )
    requested_on = models.DateField(_("requested on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    old_deadline = models.DateField(_("old deadline"))
    new_deadline = models.DateField(_("new deadline"))
    reason = models.CharField(_("reason"), max_length=500)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.REQUESTED,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_on", "-pk"]
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")

    def __str__(self):
        return f"{self.document.number} → {self.new_deadline}"


class Reminder(models.Model):
    """An in-app reminder of an open document near or past its deadline, or pending long."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=15, choices=ReminderKind.choices)
    day = models.DateField(_("day"))
    emailed = models.BooleanField(_("e-mailed"), default=False)
    seen = models.BooleanField(_("seen"), default=False)

    class Meta:
        ordering = ["-day", "document__deadline"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document", "kind", "day"], name="documents_reminder_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.document.number} {self.get_kind_display()}"


class ImportJob(models.Model):
    """A background import with its progress, which the import page polls."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=200)
    content = models.BinaryField(_("content"), editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows checked"), default=0)
    written = models.PositiveIntegerField(_("rows written"), default=0)
    errors = models.JSONField(_("errors"), default=list)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # Touched whenever the job reports progress: a running job silent for too long is stale.
    heartbeat = models.DateTimeField(_("last progress"), null=True, blank=True)

    audit_skip = {"content"}
    data_version_exclude = True  # its rows move the data's version as they are written

    class Meta:
        ordering = ["-created"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
