"""Long exports as jobs (the pattern of the documents' import jobs: progress with a heartbeat,
a stale job failed, every job ending done or failed with its reason).

A list (`views.generic.ObjectListView`) asked for more than MISHU_EXPORT_JOB_ROWS rows queues a
job with its address and filter; the worker runs the same list view as the same user, so the
file holds exactly what the page would have exported (rights, filter, sort), written row by row
to storage."""

import datetime
import logging
import secrets
import tempfile

from django.conf import settings
from django.core.files import File
from django.db.models import Q
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .copyexport import ServerCsv
from .exports import content_disposition, readable_name, write_file
from .models import ExportJob
from .models.jobs import JobStatus

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 1000


def threshold() -> int:
    return settings.MISHU_EXPORT_JOB_ROWS


def start(request, fmt: str, title: str, total: int) -> ExportJob:
    """Record the export asked for on this page and queue it."""
    from . import tasks

    query = {k: v for k, v in request.GET.items() if k not in ("export", "page")}
    job = ExportJob.objects.create(
        user=request.user,
        division=getattr(request.user, "division", None),
        title=title,
        path=request.path,
        query=query,
        fmt=fmt,
        language=translation.get_language() or "",
        total=total,
    )
    tasks.run_export.delay(job.pk)
    return job


def _view_rows(job: ExportJob):
    """The list view of the job's address, run as the job's user with its filter: (header, lazy
    rows, sheet name)."""
    match = resolve(job.path)
    request = RequestFactory().get(job.path, {**job.query, "export": job.fmt})
    request.user = job.user
    view = match.func.view_class(**match.func.view_initkwargs)
    view.setup(request, *match.args, **match.kwargs)
    return view.export_table(job.fmt)


def _touch(job: ExportJob, **fields) -> None:
    ExportJob.objects.filter(pk=job.pk).update(heartbeat=timezone.now(), **fields)


def run(job_id: int) -> ExportJob:
    """Write the job's file, reporting progress; the job always ends done or failed."""
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    if job.status not in (JobStatus.PENDING, JobStatus.RUNNING):
        return job  # already ended (a retried task, or failed as stale)
    job.status, job.heartbeat = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "heartbeat"])

    def counted(rows):
        n = 0
        for row in rows:
            yield row
            n += 1
            if n % PROGRESS_EVERY == 0:
                _touch(job, done=n)

    try:
        if job.user is None or not job.user.is_active:
            raise PermissionError("the requesting user is gone")
        with translation.override(job.language or settings.LANGUAGE_CODE):
            header, rows, sheet = _view_rows(job)
            # PostgreSQL writes a CSV in one COPY, which holds the connection to its end: no
            # progress meanwhile (a million rows take seconds, far from the stale limit)
            if not isinstance(rows, ServerCsv):
                rows = counted(rows)
            with tempfile.TemporaryFile() as spool:
                written = write_file(job.fmt, spool, header, rows, sheet)
                spool.seek(0)
                name = readable_name(job.title, job.fmt, timezone.localdate(job.created))
                # not guessable, should the media folder ever be served as it is
                stored = f"export-{job.pk}-{secrets.token_hex(12)}.{job.fmt}"
                job.file.save(stored, File(spool), save=False)
    except Exception:
        logger.exception("export job %s failed", job.pk)
        job.status, job.error = JobStatus.FAILED, _("The export could not be written.")
        job.heartbeat = timezone.now()
        job.save()
        return job
    job.status, job.done, job.total, job.file_name = JobStatus.DONE, written, written, name
    job.heartbeat = timezone.now()
    job.save()
    return job


def disposition(job: ExportJob) -> str:
    """The download's name, as a direct export of that day would carry it."""
    return content_disposition("export", job.fmt, job.title, timezone.localdate(job.created))


def stale_jobs(jobs, minutes: int):
    """The jobs of `jobs` (import or export) silent for `minutes`: pending with no worker taking
    them, or running with no progress since (the worker died or lost its database)."""
    since = timezone.now() - datetime.timedelta(minutes=minutes)
    return jobs.filter(
        Q(status=JobStatus.RUNNING, heartbeat__lt=since)
        | Q(status=JobStatus.PENDING, created__lt=since)
    )


def fail_stale(jobs=None, minutes: int | None = None) -> int:
    """Fail the export jobs that have not reported for `minutes` (the import jobs' setting,
    MISHU_IMPORT_JOB_STALE_MINUTES): a pending job no worker took, or a running one whose
    worker died. Returns how many."""
    minutes = minutes if minutes is not None else settings.MISHU_IMPORT_JOB_STALE_MINUTES
    stale = stale_jobs(jobs if jobs is not None else ExportJob.objects, minutes)
    reason = _("The export stopped: no progress for %(minutes)s minutes. Ask for it again.") % {
        "minutes": minutes
    }
    return stale.update(status=JobStatus.FAILED, error=reason)


def purge_files(days: int | None = None) -> int:
    """Delete the files of finished exports older than `days` (MISHU_EXPORT_KEEP_DAYS): a list
    may carry personal data, and a file is downloaded soon after it is written. The job stays —
    who exported what, when, with which filter — and its page says the file was removed.
    Returns how many files were deleted."""
    days = days if days is not None else settings.MISHU_EXPORT_KEEP_DAYS
    before = timezone.now() - datetime.timedelta(days=days)
    purged = 0
    for job in ExportJob.objects.filter(created__lt=before).exclude(file=""):
        job.file.delete(save=False)
        ExportJob.objects.filter(pk=job.pk).update(file="")
        purged += 1
    return purged


def visible_to(user):
    """The jobs `user` may follow and download: their own, and their division's."""
    if not user.is_authenticated:
        return ExportJob.objects.none()
    mine = Q(user=user)
    if getattr(user, "division_id", None):
        mine |= Q(division_id=user.division_id)
    return ExportJob.objects.filter(mine)
