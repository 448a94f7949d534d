from django.core.management.base import BaseCommand

from mishu.petitions import services


class Command(BaseCommand):
    help = (
        "Erase petitioners' personal data from cases closed longer ago than "
        'MISHU["PETITION_RETENTION_DAYS"] (default 5 years).'
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="override the retention in days")

    def handle(self, *args, days=None, **options):
        self.stdout.write(f"cases anonymised: {services.anonymise(days=days)}")
