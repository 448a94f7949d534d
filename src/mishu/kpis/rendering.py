"""The dashboard's per-KPI HTML written in Python, byte for byte as the template loops wrote it
(kpis/tests/test_dashboard_html.py holds the two equal): an objective's table rows and its
trend figures (chart and data table). Every value is escaped as `{{ value }}` would be, every
text translated as `{% trans %}` / `{% blocktrans %}` would; a dashboard of a few dozen KPIs
spent more time in those loops than in the rest of its template."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from mishu.core.renderers import text as _text  # `{{ value }}`: localized, escaped unless safe


def kpi_rows(kpis: list[dict]) -> str:
    """The `<tr>` of an objective's table: one per KPI (a dict of the dashboard view)."""
    out = []
    for k in kpis:
        kpi = k["kpi"]
        out.append(
            f'<tr>\n      <th scope="row">{_text(kpi.display_name)} <small><code>'
            f"{_text(kpi.code)}</code></small></th><td>{_text(kpi.get_direction_display())}"
            f'</td><td class="num">{_text(kpi.weight.normalize())}</td>\n      <td class="num">'
            f'{_text(k["actual"])}</td><td class="num">{_text(k["target"])}</td><td class="num">'
            f'{_text(k["achievement"])}</td><td><span class="status status-{_text(k["status"])}">'
            f"{_text(k['status_label'])}</span></td>\n    </tr>"
        )
    return mark_safe("".join(out))  # every interpolated value above is escaped


def trend_figures(kpis: list[dict]) -> str:
    """An objective's trend figures: each KPI's chart, caption and data table."""
    data_table = gettext("Data table")
    period, actual = gettext("Period"), gettext("Actual")
    out = []
    for k in kpis:
        title = gettext("Trend of %(name)s") % {"name": _text(k["kpi"].display_name)}
        cells = "".join(
            f'<tr><th scope="row">{_text(c)}</th><td class="num">{_text(v)}</td></tr>'
            for c, v in k["trend"]
        )
        out.append(
            f'\n  <figure class="trend">\n    {_text(k["svg"])}\n'
            f"    <figcaption>{title}</figcaption>\n"
            f"    <details><summary>{data_table}</summary>\n"
            f'      <table class="data"><caption>{title}</caption>\n'
            f'        <thead><tr><th scope="col">{period}</th><th scope="col">{actual}'
            f"</th></tr></thead>\n"
            f"        <tbody>{cells}</tbody>\n"
            f"      </table></details>\n  </figure>\n  "
        )
    return mark_safe("".join(out))  # values escaped; translations as {% trans %} writes them
