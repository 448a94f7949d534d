"""The statistics page of petitions, with its per-agency table exportable as CSV, XLSX, ODS."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import charts, formats
from mishu.core.exports import FORMATS, export_response
from mishu.core.filtersets import period_with_records

from .. import casestats
from ..models import PetitionCase


def _every_month(period, counts) -> list:
    """(month label, cases) for each month of the period, 0 where none was received."""
    counted = dict(counts)
    months = [
        formats.Period("month", period.start.year, m)
        for m in range(period.start.month, period.end.month + 1)
    ]
    return [(m.label, counted.get(m.code, 0)) for m in months]


class StatisticsView(LoginRequiredMixin, TemplateView):
    """`?period=108H2` (default: the latest half-year with cases the user sees);
    `&export=csv|xlsx|ods`."""

    template_name = "petitions/statistics.html"
    defaulted = False  # True when the page shows the latest period with records, not the current

    def period(self):
        text = self.request.GET.get("period", "").strip()
        error = None
        if text:
            try:
                return formats.Period.parse(text, field=_("Period")), None
            except formats.FormatError as exc:
                error = str(exc)
        qs = PetitionCase.objects.restrict(self.request.user, "view")
        period, self.defaulted = period_with_records(qs, "received_on")
        return period, error

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt in FORMATS:
            period, _error = self.period()
            data = casestats.compute(period, request.user)
            header = [
                _("competent agency"),
                _("received"),
                _("replied"),
                _("on time"),
                _("on-time rate (%)"),
                _("average working days"),
            ]
            rows = [
                [r.agency, r.received, r.replied, r.on_time, r.on_time_rate, r.average_days]
                for r in data["agencies"]
            ]
            return export_response(
                fmt,
                f"petitions-{period.code}",
                header,
                rows,
                sheet=period.code,
                title=f"{_('Petition statistics')}_{period.label}",
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        period, error = self.period()
        data = casestats.compute(period, self.request.user)
        by_agency = [(r.agency, r.received) for r in data["agencies"]]
        ctx.update(
            data,
            period=period,
            period_is_latest_with_records=self.defaulted,
            error=error,
            export_formats=FORMATS,
            month_chart=charts.bar_chart(
                "chart-months",
                _("Petitions received per month"),
                _every_month(period, data["months"]),
                unit="件",
                headers=(_("Month"), _("received")),
            ),
            agency_chart=charts.bar_chart(
                "chart-agencies",
                _("Petitions received per competent agency"),
                by_agency,
                unit="件",
                headers=(_("competent agency"), _("received")),
            ),
        )
        return ctx
