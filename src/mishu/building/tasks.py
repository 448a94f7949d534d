"""Celery tasks of the building (run in-process when no broker is configured)."""

from celery import shared_task

from .services.reminders import send_reminders


@shared_task
def daily_reminders() -> int:
    """Overdue and near inspections and maintenance (scheduled with celery beat at 07:50)."""
    return send_reminders()
