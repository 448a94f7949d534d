"""`mishu synth <app> --scale N`: synthetic records for 107H2 and 108H2, consistent with the seed
at scale 1 and N times its volumes at scale N. Any app with a `synth.generate(scale)` works."""

import time
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError

from mishu.core import audit
from mishu.core.choices import ChangeSource
from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, Role


class Command(BaseCommand):
    help = "Write synthetic records of an app (e.g. `mishu synth documents --scale 10`)."

    def add_arguments(self, parser):
        parser.add_argument("app", help="app label, e.g. documents")
        parser.add_argument("--scale", type=int, default=1, help="times the seed's volumes")

    def handle(self, *args, app, scale, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more")
        try:
            module = import_module(f"mishu.{app}.synth")
        except ModuleNotFoundError as exc:
            raise CommandError(f"no synthetic data for {app!r}") from exc
        sync_organisation(Division, Agency, Role)
        started = time.monotonic()
        # `mishu` (cli.py) already attributes a command's writes to the operator; when called
        # some other way, attribute them to the command.
        if audit._current.get() is None:
            with audit.audit_context(source=ChangeSource.COMMAND, actor_name=f"mishu synth {app}"):
                written = module.generate(scale)
        else:
            written = module.generate(scale)
        for period, count in written.items():
            self.stdout.write(f"{period}: {count} documents")
        self.stdout.write(f"done in {time.monotonic() - started:.1f} s")
