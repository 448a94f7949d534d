"""The agencies' e-document returns: the period's table (every agency, its figures and ratios,
the city's total, who has not filed), the return form, its detail page and the import."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.exports import FORMATS, export_response
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView
from mishu.indicators import registry

from . import services as svc
from .forms import EDocumentReturnForm
from .models import FIGURE_FIELDS, SIGNOFF_FIELDS, EDocumentReturn

STATUS = {
    svc.FILED: gettext_lazy("filed"),
    svc.PARTIAL: gettext_lazy("partly filed"),
    svc.MISSING: gettext_lazy("not filed"),
}
RATIO_LABELS = {
    "paper_signoff": gettext_lazy("paper incoming signed off online ratio"),
    "online_signoff": gettext_lazy("online sign-off ratio"),
    "e_meetings": gettext_lazy("paperless meeting ratio"),
    "paper_saving": gettext_lazy("paper purchase saving ratio"),
}


def _may_write(user) -> bool:
    return rights.can_add_to(user, svc.division().pk)


class ReturnsMixin:
    """Only the documents division (and administrators) may add returns."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["can_add"] = _may_write(self.request.user)
        return ctx


def _number(value) -> str:
    if value is None:
        return "—"
    return formats.format_decimal(value, 0 if value == int(value) else 1)


def _percent(value) -> str:
    return "—" if value is None else formats.format_percent(value)


class ReturnSummaryView(ReturnsMixin, generic.ModelViewMixin, TemplateView):
    """One period's returns: `?period=108` (a year or half-year; default the latest with
    returns), `&export=xlsx` for the table as a file."""

    model = EDocumentReturn
    template_name = "edocs/summary.html"

    def period(self):
        text = (self.request.GET.get("period") or "").strip()
        if text:
            try:
                period = formats.Period.parse(text, field=_("Period"))
            except formats.FormatError as exc:
                return self.default_period(), str(exc)
            if period.kind in ("year", "half"):
                return period, None
            return self.default_period(), _("Period must be a year (e.g. 108) or a half-year.")
        return self.default_period(), None

    def default_period(self):
        latest = self.get_queryset().order_by("-starts_on", "ends_on").first()
        if latest is not None:
            return formats.Period.parse(latest.period)
        return formats.Period("year", datetime.date.today().year - 1)

    def table(self, period):
        rows, total = svc.summary(period, self.request.user)
        return rows, total

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt in FORMATS:
            period, _error = self.period()
            rows, total = self.table(period)
            header = [_("agency"), _("status")]
            header += [str(EDocumentReturn._meta.get_field(n).verbose_name) for n in FIGURE_FIELDS]
            header += [str(label) for label in RATIO_LABELS.values()]

            def line(name, row):
                cells = [name, str(STATUS[row.status]) if row.agency else ""]
                cells += [row.figures[n] for n in FIGURE_FIELDS]
                cells += [row.ratio(m) for m in RATIO_LABELS]
                return cells

            body = [line(str(r.agency), r) for r in rows] + [line(_("City total"), total)]
            return export_response(
                fmt,
                f"edocument-returns-{period.code}",
                header,
                body,
                sheet=str(EDocumentReturn._meta.verbose_name_plural),
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        period, error = self.period()
        rows, total = self.table(period)

        def show(row):
            def figure(name):
                counted = row.filed or (row.from_register and name in SIGNOFF_FIELDS)
                return _number(row.figures[name]) if counted or row.agency is None else "—"

            return {
                "row": row,
                "status": STATUS[row.status],
                "figures": [figure(n) for n in FIGURE_FIELDS],
                "ratios": [_percent(row.ratio(m)) for m in RATIO_LABELS],
            }

        ctx.update(
            period=period,
            error=error,
            rows=[show(r) for r in rows],
            total=show(total),
            missing=[r.agency for r in rows if r.status == svc.MISSING],
            partial=[r.agency for r in rows if r.status == svc.PARTIAL],
            filed=sum(1 for r in rows if r.status == svc.FILED),
            agencies=len(rows),
            figure_headers=[EDocumentReturn._meta.get_field(n).verbose_name for n in FIGURE_FIELDS],
            ratio_headers=list(RATIO_LABELS.values()),
            export_formats=FORMATS,
        )
        return ctx


class ReturnDetailView(ReturnsMixin, generic.ObjectDetailView):
    model = EDocumentReturn
    fields = ["agency", "period", *FIGURE_FIELDS, "note", "created_by", "created", "last_updated"]
    template_name = "edocs/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        obj = ctx["object"]
        figures = {n: getattr(obj, n) for n in FIGURE_FIELDS}
        if obj.is_secretariat:
            figures.update(svc.register_figures_or_zero(obj.period, self.request.user))
        ctx["ratios"] = [
            (label, _percent(registry.ratio(figures[part], figures[whole])))
            for (m, (part, whole)), label in zip(
                svc.MEASURES.items(), RATIO_LABELS.values(), strict=True
            )
        ]
        ctx["from_register"] = obj.is_secretariat
        return ctx


class ReturnEditView(ReturnsMixin, generic.ObjectEditView):
    """The return form; the return belongs to the documents division whoever enters it."""

    model = EDocumentReturn
    form_class = EDocumentReturnForm
    template_name = "edocs/form.html"

    def get_instance(self):
        if "pk" in self.kwargs:
            return self.get_object()
        if not _may_write(self.request.user):
            raise PermissionDenied
        return EDocumentReturn(
            division=svc.division(),
            created_by=self.request.user,
            period=self.request.GET.get("period", ""),
        )


class ReturnImportView(ReturnsMixin, ObjectImportView):
    """Every agency's returns from one table (all or nothing)."""

    model = EDocumentReturn
    template_name = "edocs/import.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not _may_write(request.user):
            raise PermissionDenied
        from .importing import ReturnImporter

        self.importer = ReturnImporter()  # one per upload: it remembers the file's rows
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from .importing import column_label

        ctx = super().get_context_data(**kwargs)
        ctx["column_labels"] = [(c, column_label(c)) for c in self.importer.COLUMNS]
        ctx["signoff_columns"] = SIGNOFF_FIELDS
        return ctx
