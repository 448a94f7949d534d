"""Celery tasks of the register (run in-process when no broker is configured)."""

from celery import shared_task

from . import jobs


@shared_task
def import_documents(job_id: int) -> int:
    """Run an import job; returns the rows written."""
    return jobs.run_import(job_id).written


@shared_task
def daily_reminders() -> int:
    """The daily reminder run (schedule it with celery beat at 07:30)."""
    return jobs.send_reminders()


@shared_task
def fail_stale_imports() -> int:
    """Fail import jobs that stopped reporting (schedule it with celery beat)."""
    return jobs.fail_stale_jobs()
