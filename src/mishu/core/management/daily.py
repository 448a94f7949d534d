"""A daily job as a management command, for cron where no celery beat runs."""

from django.core.management.base import BaseCommand, CommandError

from mishu.core import formats


class DailyCommand(BaseCommand):
    """`--date 108/7/10` (ROC or ISO) picks the day to run for, today by default; `run(day)`
    does the work and returns the line to print."""

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to run for (default today)")

    def handle(self, *args, date=None, **options):
        try:
            day = formats.parse_date(date, field="--date") if date else None
        except formats.FormatError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.run(day))

    def run(self, day) -> str:
        raise NotImplementedError
