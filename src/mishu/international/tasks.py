"""Celery tasks of international affairs (run in-process when no broker is configured)."""

from celery import shared_task

from .reminders import send_reminders


@shared_task
def daily_reminders() -> int:
    """Overdue trip reports (scheduled with celery beat at 07:55)."""
    return send_reminders()
