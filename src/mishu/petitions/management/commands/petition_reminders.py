from django.core.management.base import BaseCommand

from mishu.petitions import reminders


class Command(BaseCommand):
    help = "E-mail reminders of petition cases near or past their deadline (once a day)."

    def handle(self, *args, **options):
        self.stdout.write(f"cases reminded: {reminders.send()}")
