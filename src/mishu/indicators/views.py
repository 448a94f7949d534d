"""Staff pages: every indicator for a period, value entry per cell, import and its template."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.exports import export_response
from mishu.core.views import generic

from . import importing, registry, services, template
from .cells import cell_key, format_cell
from .choices import dimension_label
from .filtersets import ObservationFilterSet, ObservedIndicatorFilterSet
from .forms import ImportForm, ObservationForm, ObservedIndicatorForm, PeriodForm, TemplateForm
from .models import Observation, ObservedIndicator
from .services import known_cells

BLANK_ROWS = 3


def format_value(value, unit: str = "", kind: str = "") -> str:
    """An indicator value for people: separators, no trailing zeros; ratios as percent."""
    if value is None:
        return "—"
    if kind == "ratio":
        return formats.format_percent(value)
    return f"{formats.format_decimal(value.normalize(), None)} {unit}".strip()


class IndicatorListView(LoginRequiredMixin, TemplateView):
    """Every indicator with its app, source, unit and value for the chosen period."""

    template_name = "indicators/indicator_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = PeriodForm(self.request.GET or None)
        period = form.cleaned_data["period"] if form.is_bound and form.is_valid() else None
        rows = []
        for d in registry.all():
            v = registry.value(d.code, period, self.request.user) if period else None
            rows.append(
                {
                    "d": d,
                    "dimensions": [dimension_label(x) for x in d.dimensions or ()],
                    "value": format_value(v, d.unit, d.kind) if period else "",
                    "entry_url": reverse("indicators:observation_entry", args=[d.code, period.code])
                    if period and d.source == "observed"
                    else "",
                }
            )
        # a clerk's figures here are their division's share; the report and KPIs are org-wide
        scope = rights.division_scope(self.request.user, rights.VIEW)
        ctx.update(
            form=form,
            period=period,
            rows=rows,
            share_of=services.share_of(self.request.user),
            scoped=scope is not rights.ALL,
        )
        return ctx


class ObservationEntryView(LoginRequiredMixin, TemplateView):
    """Enter or change the values of one observed indicator for one period, cell by cell.

    An emptied value deletes that cell's observation. Every row is checked before anything is
    written; the writes happen in one transaction and are logged by the audit machinery.
    """

    template_name = "indicators/observation_entry.html"

    def setup_objects(self):
        self.indicator = get_object_or_404(ObservedIndicator, code=self.kwargs["code"])
        try:
            self.period = formats.Period.parse(self.kwargs["period"])
        except formats.FormatError as exc:
            raise Http404(str(exc)) from None
        self.can_write = rights.can_add_to(self.request.user, self.indicator.division_id)

    def entry_rows(self):
        seen = registry.records(Observation, self.request.user).filter(
            indicator=self.indicator, period=self.period.code
        )
        existing = {cell_key(o.cell): o for o in seen}
        cells = [{}, *known_cells(self.indicator)]
        cells += [o.cell for o in seen if cell_key(o.cell) not in {cell_key(c) for c in cells}]
        rows = []
        for cell in cells:
            o = existing.get(cell_key(cell))
            rows.append(
                {
                    "cell": format_cell(cell),
                    "fixed": True,
                    "value": "" if o is None else str(o.value.normalize()),
                    "note": o.note if o else "",
                    "source": o.source if o else "",
                }
            )
        if self.indicator.dimensions:
            rows += [
                {"cell": "", "fixed": False, "value": "", "note": "", "source": ""}
                for _i in range(BLANK_ROWS)
            ]
        return rows

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return self.render_to_response(self.get_context_data(rows=self.entry_rows()))

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        if not self.can_write:
            raise PermissionDenied
        try:
            count = min(int(request.POST.get("rows", "0")), 1000)
        except ValueError:
            count = 0
        posted = []
        for i in range(1, count + 1):
            posted.append(
                (
                    i,
                    {
                        k: request.POST.get(f"{k}-{i}", "")
                        for k in ("cell", "value", "note", "source", "fixed")
                    },
                )
            )
        # A fixed row (a known cell) with its value emptied deletes that value; a blank new
        # row is ignored.
        numbered = [
            (i, {**r, "code": self.indicator.code, "period": self.period.code})
            for i, r in posted
            if r["fixed"] or r["cell"].strip() or r["value"].strip()
        ]
        valid, errors = importing.validate_rows(
            numbered, self.period, request.user, keep_blank=True
        )
        if errors:
            rows = [
                {
                    **r,
                    "fixed": bool(r["fixed"]),
                    "error": next((e.message for e in errors if e.row == i), ""),
                }
                for i, r in posted
            ]
            return self.render_to_response(self.get_context_data(rows=rows, errors=errors))
        with transaction.atomic():
            written = importing.write_rows(valid, request.user)
        messages.success(
            request,
            _("Saved %(n)s value(s) of %(code)s for %(period)s.")
            % {"n": written, "code": self.indicator.code, "period": self.period.label},
        )
        return redirect(request.path)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            indicator=self.indicator,
            period=self.period,
            can_write=self.can_write,
            total=registry.value(self.indicator.code, self.period, self.request.user),
        )
        ctx["total_text"] = format_value(ctx["total"], self.indicator.unit, self.indicator.kind)
        return ctx


class ObservationImportView(LoginRequiredMixin, TemplateView):
    """Upload a filled-in template: every row is checked, and nothing is written on any error."""

    template_name = "indicators/observation_import.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form", ImportForm(initial={"period": self.request.GET.get("period", "")}))
        ctx["template_form"] = TemplateForm(
            initial={"period": self.request.GET.get("period", ""), "format": "xlsx"}
        )
        return ctx

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        f = form.cleaned_data["file"]
        result = importing.import_observations(
            f, form.cleaned_data["period"], request.user, name=f.name
        )
        if result.ok:
            text = _("Imported %(n)s value(s).") % {"n": result.written}
            if result.skipped:
                text += " " + _("%(n)s row(s) without a value were skipped.") % {
                    "n": result.skipped
                }
            messages.success(request, text)
            return redirect(
                reverse("indicators:indicator_list") + f"?period={form.cleaned_data['period'].code}"
            )
        return self.render_to_response(self.get_context_data(form=form, result=result), status=400)


class ObservationTemplateView(LoginRequiredMixin, TemplateView):
    """The import template of a period in CSV, XLSX or ODS: the rows of the indicators the user's
    division reports, with the period's current values, under a header in the user's language."""

    template_name = "indicators/observation_import.html"

    def get(self, request, *args, **kwargs):
        form = TemplateForm(request.GET or None)
        if not form.is_valid():
            ctx = self.get_context_data(form=ImportForm(), template_form=form)
            return self.render_to_response(ctx, status=400)
        period, fmt = form.cleaned_data["period"], form.cleaned_data["format"]
        return export_response(
            fmt,
            f"observations-{period.code}",
            importing.template_header(),
            template.template_rows(period, request.user),
            sheet=period.code,
        )


# --- generic record pages (list, detail, edit, delete, history) -------------------------------


class ObservationListView(generic.ObjectListView):
    model = Observation
    filterset_class = ObservationFilterSet
    columns = ["indicator", "period", "cell", "value", "note", "source", "division"]


class ObservationDetailView(generic.ObjectDetailView):
    model = Observation
    fields = [
        "indicator",
        "period",
        "cell",
        "value",
        "note",
        "source",
        "division",
        "created",
        "last_updated",
        "created_by",
    ]


class ObservationEditView(generic.ObjectEditView):
    model = Observation
    form_class = ObservationForm

    def get_form(self, instance):
        form = super().get_form(instance)
        scope = rights.division_scope(self.request.user, rights.ADD)
        if scope is not rights.ALL:
            form.fields["indicator"].queryset = ObservedIndicator.objects.filter(division=scope)
        return form


class ObservedIndicatorListView(generic.ObjectListView):
    model = ObservedIndicator
    filterset_class = ObservedIndicatorFilterSet
    columns = ["code", "label", "unit", "division", "kind", "dimensions"]


class ObservedIndicatorDetailView(generic.ObjectDetailView):
    model = ObservedIndicator


class ObservedIndicatorEditView(generic.ObjectEditView):
    model = ObservedIndicator
    form_class = ObservedIndicatorForm

    def get_instance(self):
        if "pk" in self.kwargs:
            return self.get_object()
        if not rights.is_administrator(self.request.user):
            raise PermissionDenied
        return ObservedIndicator()
