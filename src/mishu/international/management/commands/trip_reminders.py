"""`mishu trip_reminders [--date 108/7/10]`: the daily reminder of overdue trip reports, for
cron when no celery beat runs (the task `mishu.international.tasks.daily_reminders` does the
same)."""

from mishu.core.management.daily import DailyCommand

from ...reminders import send_reminders


class Command(DailyCommand):
    help = "E-mail each division's staff its trips whose report is overdue."

    def run(self, day) -> str:
        return f"{send_reminders(day)} e-mails"
