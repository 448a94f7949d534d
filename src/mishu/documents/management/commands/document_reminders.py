"""`mishu document_reminders [--date 108/7/10]`: the daily reminder run, for cron when no celery
beat runs (the task `mishu.documents.tasks.daily_reminders` does the same)."""

from mishu.core.management.daily import DailyCommand

from ... import jobs


class Command(DailyCommand):
    help = "Remind handlers and supervisors of documents near or past deadline."

    def run(self, day) -> str:
        return f"{jobs.send_reminders(day)} reminders"
