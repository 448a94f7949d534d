"""The KPI dashboard: every objective and KPI of the period's year, the annual target against
the actual from January to the period's end, with trends. The figures are the organisation's:
every reader sees the same."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import charts, formats, versions
from mishu.indicators.forms import PeriodForm
from mishu.indicators.memo import render_scope
from mishu.indicators.views import format_value

from .. import rendering, services
from ..charts import trend_svg
from ..models import STRATEGY_EDITORS, Objective

TREND_LENGTH = 6


# on track, at risk, missing: green, amber-brown, grey (each ≥ 4.5:1 against white text)
STATUS_COLOURS = ("#1e6b2f", "#8a5a00", "#4a5561")


def _pct(v):
    return "—" if v is None else formats.format_percent(v)


def _objective(obj, trend_periods, tally) -> dict:
    """An objective's row of the dashboard: its KPIs (each evaluated once per trend period; the
    last is the dashboard's period), its achievement, its table rows and trend figures."""
    period = trend_periods[-1]
    kpis, evaluations = [], []
    for kpi in obj.kpis.all():
        trend_evs = [services.evaluate_to_date(kpi, p) for p in trend_periods]
        ev = trend_evs[-1]
        evaluations.append((kpi.weight, ev))
        state = services.status(ev, kpi, period)
        tally[state] += 1
        kpis.append(
            _kpi(
                kpi,
                ev,
                state,
                [(p.code, e.actual) for p, e in zip(trend_periods, trend_evs, strict=True)],
            )
        )
    return {
        "objective": obj,
        "kpis": kpis,
        "achievement": _pct(services.weighted_achievement(evaluations)),
        "rows": rendering.kpi_rows(kpis),
        "figures": rendering.trend_figures(kpis),
    }


def _kpi(kpi, ev, state, trend) -> dict:
    """A KPI's figures as the dashboard shows them: formatted values, status, trend chart."""
    unit = kpi.unit if kpi.unit != "%" else ""
    kind = "ratio" if kpi.unit == "%" else ""
    target = format_value(kpi.target, unit, kind)
    trend_text = [(c, format_value(v, unit, kind)) for c, v in trend]
    desc = _("%(name)s: %(values)s; target %(target)s.") % {
        "name": kpi.display_name,
        "values": "；".join(f"{c} {v}" for c, v in trend_text),
        "target": target,
    }
    return {
        "kpi": kpi,
        "actual": format_value(ev.actual, unit, kind),
        "target": target,
        "achievement": _pct(ev.achievement),
        "status": state,
        "status_label": services.STATUS_LABELS[state],
        "trend": trend_text,
        "svg": trend_svg(
            f"trend-{kpi.pk}",
            _("Trend of %(name)s") % {"name": kpi.display_name},
            desc,
            trend,
            kpi.target,
        ),
    }


def status_chart(period, tally: dict):
    """The KPIs by status (a share chart), None when there is no KPI."""
    if not any(tally.values()):
        return None
    return charts.share_chart(
        "chart-kpi-status",
        _("KPI status, %(period)s") % {"period": period.label},
        [(services.STATUS_LABELS[k], n) for k, n in tally.items()],
        colours=STATUS_COLOURS,
    )


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
        trend_periods = [period]  # the period last: its evaluation is the trend's last one
        for _i in range(TREND_LENGTH - 1):
            trend_periods.insert(0, trend_periods[0].previous())
        year = formats.roc_year(period.start)

        def compute():
            tally = dict.fromkeys(services.STATUS_LABELS, 0)
            with render_scope():  # the KPIs' indicators share their reads (coverage, tallies)
                objectives = [
                    _objective(obj, trend_periods, tally)
                    for obj in Objective.objects.filter(year=year).prefetch_related("kpis")
                ]
            html = render_to_string(
                "kpis/_objectives.html",
                {"objectives": objectives, "status_chart": status_chart(period, tally)},
            )
            return html, bool(objectives)

        # the organisation's figures, the same for every reader: kept, written, until the data
        # changes (a view then reads one string: no KPI evaluated, no template loop run)
        html, has_objectives = versions.kept("kpis", (period.code,), compute)
        user = self.request.user
        ctx.update(
            objectives_html=html,
            has_objectives=has_objectives,
            form=form,
            period=period,
            year=year,
            basis=services.year_to_date_label(period),
            strategy_url=reverse("kpis:strategy", args=[year]),
            can_edit=user.is_superuser or user.has_role("admin", *STRATEGY_EDITORS),
        )
        return ctx
