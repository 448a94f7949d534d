"""`mishu facility_reminders [--date 108/7/10]`: the daily reminder of overdue and near
inspections and maintenance, for cron when no celery beat runs (the task
`mishu.facilities.tasks.daily_reminders` does the same)."""

from django.core.management.base import BaseCommand, CommandError

from mishu.core import formats

from ...services.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail each division's staff its overdue and near inspections and maintenance."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to remind for (default today)")

    def handle(self, *args, date=None, **options):
        try:
            day = formats.parse_date(date, field="--date") if date else None
        except formats.FormatError as exc:
            raise CommandError(str(exc)) from exc
        sent = send_reminders(day)
        self.stdout.write(f"{sent} e-mails")
