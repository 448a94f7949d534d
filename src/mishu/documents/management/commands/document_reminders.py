"""`mishu document_reminders [--date 108/7/10]`: the daily reminder run, for cron when no celery
beat runs (the task `mishu.documents.tasks.daily_reminders` does the same)."""

from django.core.management.base import BaseCommand, CommandError

from mishu.core import formats

from ... import jobs


class Command(BaseCommand):
    help = "Remind handlers and supervisors of documents near or past deadline."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to remind for (default today)")

    def handle(self, *args, date=None, **options):
        try:
            day = formats.parse_date(date, field="--date") if date else None
        except formats.FormatError as exc:
            raise CommandError(str(exc)) from exc
        created = jobs.send_reminders(day)
        self.stdout.write(f"{created} reminders")
