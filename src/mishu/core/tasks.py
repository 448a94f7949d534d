"""Celery tasks of core (run in-process when no broker is configured)."""

from celery import shared_task

from . import exportjobs


@shared_task
def run_export(job_id: int) -> int:
    """Write a long export's file; returns the rows written."""
    return exportjobs.run(job_id).done


@shared_task
def fail_stale_exports() -> int:
    """Fail export jobs that stopped reporting (on the beat schedule)."""
    return exportjobs.fail_stale()


@shared_task
def purge_export_files() -> int:
    """Delete the files of exports past their keeping time (on the beat schedule)."""
    return exportjobs.purge_files()
