"""The counter's statistics page: contacts per category and per month for a period, from the
indicator the report reads (services.counter_contacts), drawn as charts with their tables."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import charts, formats
from mishu.core.filtersets import period_with_records
from mishu.indicators import registry

from .models import CounterContact

CODE = "services.counter_contacts"


class StatisticsView(LoginRequiredMixin, TemplateView):
    """`?period=108H2` (default: the latest half-year with contacts the user sees)."""

    template_name = "consultations/statistics.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        text = self.request.GET.get("period", "").strip()
        period = None
        if text:
            try:
                period = formats.Period.parse(text, field=_("Period"))
            except formats.FormatError as exc:
                ctx["error"] = str(exc)
        if period is None:
            contacts = CounterContact.objects.restrict(self.request.user, "view")
            period, ctx["period_is_latest_with_records"] = period_with_records(contacts, "date")
        bd = registry.breakdown(CODE, period, self.request.user)
        months = [
            formats.Period("month", period.start.year, m)
            for m in range(period.start.month, period.end.month + 1)
        ]
        ctx.update(
            period=period,
            total=bd.total,
            category_chart=charts.bar_chart(
                "chart-counter-categories",
                _("Counter contacts per category"),
                [(row, bd.row_totals.get(row)) for row in bd.rows],
                unit="人次",
                headers=(_("category"), _("contacts")),
            ),
            month_chart=charts.bar_chart(
                "chart-counter-months",
                _("Counter contacts per month"),
                [(m.label, bd.col_totals.get(m.code) or 0) for m in months],
                unit="人次",
                headers=(_("Month"), _("contacts")),
            ),
        )
        return ctx
