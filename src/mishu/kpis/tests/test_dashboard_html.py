"""The dashboard's HTML is the same as the template-based rendering wrote it (the view before
kpis.rendering, kept here as `LegacyDashboard` with its template legacy_dashboard.html), in
both languages and on the demo's data; names with markup stay escaped."""

import re
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mishu.core.data.organisation import sync_organisation
from mishu.core.models import Agency, Division, Role, User
from mishu.indicators.views import format_value
from mishu.kpis import services
from mishu.kpis.charts import trend_svg
from mishu.kpis.models import KPI, Objective
from mishu.kpis.views.dashboard import TREND_LENGTH, DashboardView, _pct, status_chart

LEGACY_TEMPLATE = Path(__file__).with_name("legacy_dashboard.html")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
# the demo apps the demo's KPIs read (core first: the organisation and users)
DEMO_APPS = (
    "core",
    "indicators",
    "edocs",
    "council",
    "petitions",
    "building",
    "properties",
    "kpis",
)


class LegacyDashboard(DashboardView):
    """The dashboard's context as the view built it before kpis.rendering: every KPI evaluated
    for the period, again for each trend period and again for its objective's achievement."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        period = ctx["period"]
        trend_periods = [period]
        for _i in range(TREND_LENGTH - 1):
            trend_periods.insert(0, trend_periods[0].previous())
        objectives = []
        tally = dict.fromkeys(services.STATUS_LABELS, 0)
        for obj in Objective.objects.filter(year=ctx["year"]).prefetch_related("kpis"):
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
        ctx.update(
            objectives=objectives,
            status_chart=status_chart(period, tally),
        )
        return ctx


def legacy_html(request) -> str:
    """The page as the legacy view and template render it for the same request."""
    view = LegacyDashboard()
    view.setup(request)
    template = engines["django"].from_string(LEGACY_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(view.get_context_data(), request)


def same_pages(client, url, lang):
    """(new page, legacy page) for the URL in the language, CSRF tokens blanked."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(url)
    assert response.status_code == 200
    with translation.override(lang):
        old = legacy_html(response.wsgi_request)
    new = response.content.decode()
    return CSRF.sub('name="csrfmiddlewaretoken" value=""', new), CSRF.sub(
        'name="csrfmiddlewaretoken" value=""', old
    )


@pytest.fixture
def demo_kpis(db):
    """The demo's strategy map and the records its KPIs read (the apps' demo loaders)."""
    sync_organisation(Division, Agency, Role)
    for app in DEMO_APPS:
        import_module(f"mishu.{app}.demo").load()
    return User.objects.get(username="admin")


def test_dashboard_html_is_the_templates(demo_kpis, client_for):
    client = client_for(demo_kpis)
    assert KPI.objects.filter(year=108).count() == 13
    for lang in ("zh-hant", "en"):
        for period in ("108H2", "108H1", "108Q3", "109H1"):
            url = reverse("kpis:dashboard") + f"?period={period}"
            new, old = same_pages(client, url, lang)
            assert new == old, (lang, period)
            if period == "108H2":  # the demo's year: every KPI with its row and trend figure
                assert new.count('<figure class="trend">') == 13
                assert new.count("status status-") == 13


MARKUP = "A<b>&\"'x"


@pytest.fixture
def marked_up(db):
    """An objective and two KPIs whose names, codes and units hold markup."""
    from mishu.indicators.tests.factories import indicator, observe

    observe(indicator("doc.ontime", kind="ratio"), "108", "0.9")
    objective = Objective.objects.create(code="O<1>", name=MARKUP, name_en=MARKUP, year=108)
    for code, ind, unit in (("K<&>", "doc.ontime", "%"), ('K"2', "doc.none", "<件>")):
        KPI.objects.create(
            objective=objective,
            code=code,
            name=MARKUP,
            name_en=MARKUP,
            indicator_code=ind,
            direction="higher",
            target=1,
            unit=unit,
            weight=1,
            year=108,
        )
    return objective


def test_names_with_markup_are_escaped(marked_up, make_user, client_for):
    client = client_for(make_user("documents", ["evaluator"]))
    escaped = "A&lt;b&gt;&amp;&quot;&#x27;x"
    for lang in ("zh-hant", "en"):
        new, old = same_pages(client, reverse("kpis:dashboard") + "?period=108H2", lang)
        assert new == old
        assert MARKUP not in new and "<b>" not in new
        # the row header, the two figure captions and data-table captions, the SVG title
        assert new.count(escaped) >= 2 + 2 * 5
        assert "<code>K&lt;&amp;&gt;</code>" in new and "<code>K&quot;2</code>" in new
        assert "&lt;件&gt;" in new
