"""Celery tasks of the petitions (run in-process when no broker is configured)."""

from celery import shared_task

from . import reminders


@shared_task
def daily_reminders() -> int:
    """Remind agency contacts and supervisors of cases near or past their deadline."""
    return reminders.send()
