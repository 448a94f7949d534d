"""`mishu loaddemo`: load the demo data of every app, idempotently."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from mishu.core import demo as core_demo
from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, Role


class Command(BaseCommand):
    help = "Load the demo data (organisation, users, 107H2 and 108H2 records). Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            sync_organisation(Division, Agency, Role)
            for config in apps.get_app_configs():
                if not config.name.startswith("mishu."):
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.load()
                self.stdout.write(f"demo data loaded: {config.label}")
        self.stdout.write(self.style.SUCCESS("Demo users (password %s):" % core_demo.DEMO_PASSWORD))
        for line in core_demo.describe():
            self.stdout.write(line)
