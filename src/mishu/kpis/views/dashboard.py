"""The KPI dashboard: every objective and KPI of the period's year, the annual target against
the actual from January to the period's end, with trends. The figures are the organisation's:
every reader sees the same."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import charts, formats
from mishu.indicators.forms import PeriodForm
from mishu.indicators.views import format_value

from .. import services
from ..charts import trend_svg
from ..models import STRATEGY_EDITORS, Objective

TREND_LENGTH = 6


# on track, at risk, missing: green, amber-brown, grey (each ≥ 4.5:1 against white text)
STATUS_COLOURS = ("#1e6b2f", "#8a5a00", "#4a5561")


def _pct(v):
    return "—" if v is None else formats.format_percent(v)


class DashboardView(LoginRequiredMixin, TemplateView):
    """Objectives of the period's year, each KPI's actual, target, achievement and trend."""

    template_name = "kpis/dashboard.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = PeriodForm(self.request.GET or None)
        if form.is_bound and form.is_valid():
            period = form.cleaned_data["period"]
        else:
            period = formats.Period.for_date("half", timezone.localdate()).previous()
            if not form.is_bound:
                form = PeriodForm(initial={"period": period.code})
        trend_periods = [period]
        for _i in range(TREND_LENGTH - 1):
            trend_periods.insert(0, trend_periods[0].previous())
        objectives = []
        tally = dict.fromkeys(services.STATUS_LABELS, 0)
        year = formats.roc_year(period.start)
        for obj in Objective.objects.filter(year=year).prefetch_related("kpis"):
            kpis = []
            for kpi in obj.kpis.all():
                ev = services.evaluate_to_date(kpi, period)
                state = services.status(ev, kpi, period)
                tally[state] += 1
                unit = kpi.unit if kpi.unit != "%" else ""
                kind = "ratio" if kpi.unit == "%" else ""
                trend = [(p.code, services.evaluate_to_date(kpi, p).actual) for p in trend_periods]
                desc = _("%(name)s: %(values)s; target %(target)s.") % {
                    "name": kpi.display_name,
                    "values": "；".join(f"{c} {format_value(v, unit, kind)}" for c, v in trend),
                    "target": format_value(kpi.target, unit, kind),
                }
                kpis.append(
                    {
                        "kpi": kpi,
                        "actual": format_value(ev.actual, unit, kind),
                        "target": format_value(kpi.target, unit, kind),
                        "achievement": _pct(ev.achievement),
                        "status": state,
                        "status_label": services.STATUS_LABELS[state],
                        "trend": [(c, format_value(v, unit, kind)) for c, v in trend],
                        "svg": trend_svg(
                            f"trend-{kpi.pk}",
                            _("Trend of %(name)s") % {"name": kpi.display_name},
                            desc,
                            trend,
                            kpi.target,
                        ),
                    }
                )
            objectives.append(
                {
                    "objective": obj,
                    "kpis": kpis,
                    "achievement": _pct(services.objective_achievement(obj, period, to_date=True)),
                }
            )
        user = self.request.user
        ctx.update(
            status_chart=charts.share_chart(
                "chart-kpi-status",
                _("KPI status, %(period)s") % {"period": period.label},
                [(services.STATUS_LABELS[k], n) for k, n in tally.items()],
                colours=STATUS_COLOURS,
            )
            if any(tally.values())
            else None,
            form=form,
            period=period,
            year=year,
            objectives=objectives,
            basis=services.year_to_date_label(period),
            strategy_url=reverse("kpis:strategy", args=[year]),
            can_edit=user.is_superuser or user.has_role("admin", *STRATEGY_EDITORS),
        )
        return ctx
