"""`mishu facility_reminders [--date 108/7/10]`: the daily reminder of overdue and near
inspections and maintenance, for cron when no celery beat runs (the task
`mishu.building.tasks.daily_reminders` does the same)."""

from mishu.core.management.daily import DailyCommand

from ...services.reminders import send_reminders


class Command(DailyCommand):
    help = "E-mail each division's staff its overdue and near inspections and maintenance."

    def run(self, day) -> str:
        return f"{send_reminders(day)} e-mails"
