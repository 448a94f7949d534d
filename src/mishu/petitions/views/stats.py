"""The statistics page of petitions, with its per-agency table exportable as CSV, XLSX, ODS."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import formats
from mishu.core.exports import FORMATS, export_response

from .. import casestats


class StatisticsView(LoginRequiredMixin, TemplateView):
    """`?period=108H2` (default: the current half-year); `&export=csv|xlsx|ods`."""

    template_name = "petitions/statistics.html"

    def period(self):
        text = self.request.GET.get("period", "").strip()
        if not text:
            today = timezone.localdate()
            return formats.Period("half", today.year, 1 if today.month <= 6 else 2), None
        try:
            return formats.Period.parse(text, field=_("Period")), None
        except formats.FormatError as exc:
            today = timezone.localdate()
            return formats.Period("half", today.year, 1 if today.month <= 6 else 2), str(exc)

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
            return export_response(fmt, f"petitions-{period.code}", header, rows, sheet=period.code)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        period, error = self.period()
        data = casestats.compute(period, self.request.user)
        peak = max([n for _m, n in data["months"]] or [1])
        ctx.update(
            data,
            period=period,
            error=error,
            export_formats=FORMATS,
            # bar widths in percent of the busiest month, for the CSS chart
            month_bars=[(m, n, round(100 * n / peak)) for m, n in data["months"]],
        )
        return ctx
