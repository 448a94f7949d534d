"""Background work of the register: imports with a progress record, and the daily reminders."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mishu.core import formats
from mishu.core.audit import audit_context
from mishu.core.choices import ChangeSource, RoleCode
from mishu.core.exportjobs import stale_jobs
from mishu.core.imports import read_table, require_columns
from mishu.core.models import Division
from mishu.core.tabular import TableError
from mishu.core.workdays import office_calendar

from . import importing, synth
from .bulk import INDEX
from .choices import JobStatus, ReminderKind
from .deadlines import LONG_PENDING_DAYS
from .models import Document, ImportJob, Reminder
from .models.document import format_number
from .services import note_serial, reserve_serials

NEAR_DAYS = 2  # working days, as the inbox counts a document's deadline
logger = logging.getLogger(__name__)
UNREADABLE = gettext_lazy("The file could not be read as a spreadsheet (XLSX, ODS) or CSV.")
UNEXPECTED = gettext_lazy(
    "The import stopped on an unexpected error; nothing was written. Try again, or tell an "
    "administrator."
)
STALE = gettext_lazy(
    "The import reported no progress for %(minutes)s minutes (its worker may have stopped); "
    "nothing was written. Upload the file again."
)


def write_rows(rows: list[list], user, label: str) -> int:
    """Number the rows that have no number, then bulk-write them (one batch record per 5,000),
    attributed to `user` through the import source."""
    office_i, year_i, serial_i, number_i = (
        INDEX["office"],
        INDEX["year"],
        INDEX["serial"],
        INDEX["number"],
    )
    registered = INDEX["registered_on"]
    with (
        audit_context(
            user=user,
            source=ChangeSource.IMPORT,
            actor_name=user.get_username() if user else "import",
        ),
        transaction.atomic(),
    ):
        pending: dict = {}
        highest: dict = {}  # the highest serial the file gives, per office and year
        for row in rows:
            if row[number_i] is None:
                year = int(row[registered][:4]) - 1911
                pending.setdefault((row[office_i], year), []).append(row)
            else:
                key = (row[office_i], row[year_i])
                highest[key] = max(highest.get(key, 0), row[serial_i])
        for (office, year), serial in highest.items():
            note_serial(office, year, serial)
        for (office, year), group in pending.items():
            first = reserve_serials(office, year, len(group))
            for offset, row in enumerate(group):
                row[year_i], row[serial_i] = year, first + offset
                row[number_i] = format_number(office, year, first + offset)
        unit = Division.objects.get(code="documents")
        return synth.write(rows, "import", label, unit, user)


def import_rows(rows: list[dict], user, label: str, progress=None) -> tuple[int, list]:
    """Validate and write a file's rows, all or nothing: (documents written, errors).

    A valid file is written without first looking up each of its numbers in the register: the
    register's unique constraint refuses a number already used, the write is rolled back, and the
    file is checked again with the look-up so that every such row is reported."""
    prepared, errors = importing.validate(rows, user, progress, register_check=False)
    if errors:
        return 0, errors
    try:
        return write_rows(prepared, user, label), []
    except IntegrityError:
        _prepared, errors = importing.validate(rows, user)
        if not errors:
            raise
        return 0, errors


def _finish(job: ImportJob, status, errors=None, written: int = 0) -> ImportJob:
    """End a job: its status, its errors (or the rows written), and the uploaded file dropped.
    Retried once on a fresh connection, so that a job whose database connection was cut still
    ends."""
    job.status, job.written, job.content = status, written, b""
    if errors is not None:
        job.errors = errors
    job.heartbeat = timezone.now()
    try:
        job.save()
    except DatabaseError:
        connection.close()
        job.save()
    return job


def _reason(message) -> list[dict]:
    return [{"row": 0, "column": "", "message": str(message)}]


def run_import(job_id: int) -> ImportJob:
    """Validate every row (updating the job's progress and heartbeat), then write all or nothing.
    The job always ends `done` or `failed` with its reason, whatever happens on the way."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status not in (JobStatus.PENDING, JobStatus.RUNNING):
        return job  # already ended (a retried task, or failed as stale)
    job.status, job.heartbeat = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "heartbeat"])
    try:
        rows = read_table(bytes(job.content), job.file_name)
        require_columns(rows, importing.REQUIRED)
    except TableError as exc:  # the file as a whole is unreadable: say so on the job
        return _finish(job, JobStatus.FAILED, _reason(exc.message))
    except Exception:
        logger.exception("import job %s: reading the file failed", job.pk)
        return _finish(job, JobStatus.FAILED, _reason(UNREADABLE))
    ImportJob.objects.filter(pk=job.pk).update(total=len(rows), heartbeat=timezone.now())
    job.total = len(rows)

    def progress(done):
        ImportJob.objects.filter(pk=job.pk).update(done=done, heartbeat=timezone.now())

    try:
        written, errors = import_rows(rows, job.user, f"import {job.pk}", progress)
    except Exception:  # all or nothing: the write is rolled back; the job says so
        logger.exception("import job %s failed", job.pk)
        return _finish(job, JobStatus.FAILED, _reason(UNEXPECTED))
    job.done = len(rows)
    if errors:
        return _finish(
            job,
            JobStatus.FAILED,
            [{"row": e.row, "column": e.column, "message": e.message} for e in errors],
        )
    return _finish(job, JobStatus.DONE, written=written)


def fail_stale_jobs(jobs=None, minutes: int | None = None) -> int:
    """Fail the import jobs that have not reported for `minutes` (setting
    MISHU_IMPORT_JOB_STALE_MINUTES): a pending job no worker took, or a running one whose
    worker was killed or lost its database. Their files are dropped. Returns how many."""
    minutes = minutes if minutes is not None else settings.MISHU_IMPORT_JOB_STALE_MINUTES
    qs = stale_jobs(jobs if jobs is not None else ImportJob.objects, minutes)
    failed = 0
    for job in qs:
        _finish(job, JobStatus.FAILED, _reason(STALE % {"minutes": minutes}))
        failed += 1
    return failed


def send_reminders(today: datetime.date | None = None) -> int:
    """Remind handlers (and their units' supervisors) of open documents near or past their
    deadline or pending more than 27 days: an in-app reminder and one e-mail per person."""
    today = today or timezone.localdate()
    open_docs = Document.objects.filter(closed_on__isnull=True)
    lists = {
        ReminderKind.OVERDUE: open_docs.filter(deadline__lt=today),
        # within NEAR_DAYS working days, as the inbox counts them (a Monday deadline is near
        # on the Friday before)
        ReminderKind.NEAR: open_docs.filter(
            deadline__gte=today,
            deadline__lt=office_calendar().add_workdays(today, NEAR_DAYS + 1),
        ),
        ReminderKind.LONG_PENDING: open_docs.filter(
            registered_on__lt=today - datetime.timedelta(days=LONG_PENDING_DAYS)
        ),
    }
    User = get_user_model()
    supervisors: dict = {}
    for user in User.objects.filter(
        Q(roles__code=RoleCode.SUPERVISOR), is_active=True, division__isnull=False
    ).distinct():
        supervisors.setdefault(user.division_id, []).append(user)
    per_user: dict = {}
    created = 0
    for kind, qs in lists.items():
        for doc in qs.select_related("handler").iterator(chunk_size=2000):
            people = [doc.handler] if doc.handler_id else []
            people += supervisors.get(doc.division_id, [])
            for person in people:
                _obj, new = Reminder.objects.get_or_create(
                    user=person, document=doc, kind=kind, day=today
                )
                created += new
                if new:
                    per_user.setdefault(person, []).append((kind, doc))
    for person, items in per_user.items():
        if not person.email:
            continue
        lines = [
            f"{doc.number} {doc.subject} — {kind.label}（{formats.format_date(doc.deadline)}）"
            for kind, doc in items
        ]
        send_mail(
            _("Mishu: %(n)s documents need attention") % {"n": len(items)},
            "\n".join(lines),
            None,
            [person.email],
        )
        Reminder.objects.filter(user=person, day=today).update(emailed=True)
    return created
