"""`mishu documents_tally --check | --rebuild`: compare the register's monthly tallies with a
fresh count of the documents, or recount them (after restoring a backup or a raw SQL repair)."""

from django.core.management.base import BaseCommand, CommandError

from ... import tally


class Command(BaseCommand):
    help = "Check or rebuild the monthly tallies the report's document counts read."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--check", action="store_true", help="list tallies that disagree")
        group.add_argument("--rebuild", action="store_true", help="recount every tally")

    def handle(self, *args, check=False, rebuild=False, **options):
        if rebuild:
            rows = tally.rebuild()
            self.stdout.write(f"{rows} tallies rebuilt from the documents")
            return
        wrong = tally.differences()
        for (division, office, month, measure), (stored, fresh) in sorted(wrong.items()):
            self.stdout.write(
                f"{month:%Y-%m} division {division} {office} {measure}: "
                f"tally {stored}, documents {fresh}"
            )
        if wrong:
            raise CommandError(f"{len(wrong)} tallies disagree with the documents; run --rebuild")
        self.stdout.write("tallies agree with the documents")
