"""Long exports run as jobs: who asked for what, with which filter, how far it has come, and the
file it produced (downloaded by the requester or staff of the same division)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ExportJob(models.Model):
    """An export of a list too long to write while the browser waits (over
    MISHU_EXPORT_JOB_ROWS rows): queued, written by a worker, then downloaded from its page."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    division = models.ForeignKey(
        "core.Division",
        verbose_name=_("division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    path = models.CharField(_("list address"), max_length=300)
    query = models.JSONField(_("filter"), default=dict, blank=True)
    fmt = models.CharField(_("format"), max_length=4)
    # the requester's language: the worker writes headers and labels in it
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), upload_to="exports/%Y/%m/", blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # Touched whenever the job reports progress: a running job silent for too long is stale.
    heartbeat = models.DateTimeField(_("last progress"), null=True, blank=True)

    audit_exclude = True  # a job's own progress: who asked for what is the record itself
    data_version_exclude = True  # an export writes no data (core.versions)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")

    def __str__(self):
        return f"{self.title} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def ended(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
