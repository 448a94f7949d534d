"""`mishu indicators 108H2`: every indicator's value for a period."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.indicators import registry
from mishu.indicators.views import format_value


class Command(BaseCommand):
    help = "Print every indicator (code, app, source, unit, value) for a period, e.g. 108H2."

    def add_arguments(self, parser):
        parser.add_argument("period", help="108H2, 108Q3, 108-07 or 108")

    def handle(self, *args, **options):
        try:
            period = formats.Period.parse(options["period"])
        except formats.FormatError:
            raise CommandError(
                _(
                    "“%(p)s” is not a period; expected a form like 108H2 (half-year), 108Q3 "
                    "(quarter), 108-07 (month) or 108 (year)."
                )
                % {"p": options["period"]}
            ) from None
        self.stdout.write(f"{period.label}（{period.range_label}）")
        for d in registry.all():
            value = registry.value(d.code, period)
            source = _("computed") if d.source == "computed" else _("observed")
            self.stdout.write(
                "\t".join([d.code, d.app, source, d.unit or "-", format_value(value, "", d.kind)])
            )
