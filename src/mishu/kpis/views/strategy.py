"""The strategy map of a year: objectives and KPIs (indicator, direction, target, weight), kept
by the evaluators (研考) in the browser and read by everyone. A year starts as a copy of the one
before (one action), is imported and exported as a table (XLSX, ODS, CSV) and every change is in
the change log (each record's history page)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.exports import FORMATS, export_response
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from .. import importing, services
from ..choices import Direction
from ..models import KPI, STRATEGY_EDITORS, Objective


def can_edit(user) -> bool:
    """Evaluators (研考) and administrators keep the strategy map."""
    return bool(
        user.is_authenticated
        and (rights.is_administrator(user) or user.has_role(*STRATEGY_EDITORS))
    )


def _require_editor(user):
    if not can_edit(user):
        raise PermissionDenied(
            _("Only research and evaluation officers may edit the strategy map.")
        )


def _year(value) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 1 <= year <= 300:
        raise Http404
    return year


class StrategyView(LoginRequiredMixin, TemplateView):
    """The objectives and KPIs of a year, with the actions of the evaluators."""

    template_name = "kpis/strategy.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        year = _year(self.kwargs["year"])
        objectives = Objective.objects.filter(year=year).prefetch_related("kpis")
        ctx.update(
            year=year,
            previous=year - 1,
            following=year + 1,
            objectives=objectives,
            previous_exists=services.has_strategy(year - 1),
            can_edit=can_edit(self.request.user),
            export_formats=FORMATS,
            dashboard_period=f"{year}H2",
        )
        return ctx


def current_year(request):
    """The strategy map of this (ROC) year."""
    return redirect("kpis:strategy", year=formats.roc_year(timezone.localdate()))


class CopyView(LoginRequiredMixin, View):
    """POST: start the year's map as a copy of the previous year's."""

    def post(self, request, year):
        year = _year(year)
        _require_editor(request.user)
        try:
            copied = services.copy_strategy(year - 1, year)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Copied %(n)s KPIs from year %(from)s; now set this year's targets.")
                % {"n": len(copied), "from": year - 1},
            )
        return redirect("kpis:strategy", year=year)


class ExportView(LoginRequiredMixin, View):
    """The year's map as a table that the import reads back."""

    def get(self, request, year):
        year = _year(year)
        fmt = request.GET.get("format", "xlsx")
        if fmt not in FORMATS:
            raise Http404
        return export_response(
            fmt, f"strategy-{year}", list(importing.COLUMNS), importing.export_rows(year)
        )


class StrategyImportView(ObjectImportView):
    """The one import page of core, for the strategy map (evaluators only)."""

    model = KPI
    importer = importing

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_edit(request.user):
            raise PermissionDenied
        return super(ObjectImportView, self).dispatch(request, *args, **kwargs)


# -- objectives and KPIs one by one: the generic pages, with the evaluators as editors --------


class EditorContext:
    """The generic pages offer adding to the evaluators (not by division)."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["can_add"] = can_edit(self.request.user)
        return ctx


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["year", "code", "name", "name_en", "order"]

    def clean(self):
        data = super().clean()
        moved = self.instance.pk and data.get("year") != self.instance.year
        if moved and self.instance.kpis.exists():  # its KPIs belong to the year they measure
            self.add_error(
                "year", _("An objective with KPIs keeps its year; copy the year instead.")
            )
        if data.get("year") and data.get("code"):
            clash = Objective.objects.filter(year=data["year"], code=data["code"])
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("code", _("Year %(y)s already has this objective.") % data)
        return data


class KPIForm(forms.ModelForm):
    target = forms.CharField(
        label=gettext_lazy("target"),
        help_text=gettext_lazy("A number, or a percent such as 95%."),
    )
    direction = forms.ChoiceField(label=gettext_lazy("direction"), choices=Direction.choices)

    class Meta:
        model = KPI
        fields = [
            "objective",
            "code",
            "name",
            "name_en",
            "indicator_code",
            "direction",
            "target",
            "unit",
            "weight",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.target is not None:
            t = self.instance.target.normalize()
            self.initial["target"] = (
                f"{(t * 100).normalize():f}%" if self.instance.unit == "%" else f"{t:f}"
            )
        self.fields["objective"].queryset = Objective.objects.order_by("-year", "order")

    def clean_target(self):
        try:
            return importing._number({"target": self.cleaned_data["target"]}, "target")
        except importing.RowInvalid as exc:
            raise forms.ValidationError(exc.message) from None

    def clean(self):
        data = super().clean()
        objective, code = data.get("objective"), data.get("code")
        if objective and code:
            clash = KPI.objects.filter(year=objective.year, code=code)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "code", _("Year %(y)s already has this KPI.") % {"y": objective.year}
                )
        return data


class StrategyEditView(EditorContext, generic.ObjectEditView):
    """Add or change an objective or KPI (evaluators and administrators)."""

    def get_instance(self):
        if "pk" in self.kwargs:
            return self.get_object()
        _require_editor(self.request.user)
        instance = self.model()
        year = self.request.GET.get("year", "")
        if self.model is Objective and year.isdigit():
            instance.year = int(year)
        objective = self.request.GET.get("objective", "")
        if self.model is KPI and objective.isdigit():
            instance.objective = Objective.objects.filter(pk=objective).first()
        return instance


class StrategyListView(EditorContext, generic.ObjectListView):
    pass


class StrategyDetailView(EditorContext, generic.ObjectDetailView):
    pass


def urls(model, form, columns, filters):
    """The generic pages of `model` (list, add, detail, edit, delete, history)."""
    import django_filters

    fs = type(
        f"{model.__name__}FilterSet",
        (django_filters.FilterSet,),
        {"Meta": type("Meta", (), {"model": model, "fields": filters})},
    )
    return generic.model_urls(
        model,
        list_view=type(
            f"{model.__name__}ListView",
            (StrategyListView,),
            {"model": model, "columns": columns, "filterset_class": fs},
        ),
        detail_view=type(f"{model.__name__}DetailView", (StrategyDetailView,), {"model": model}),
        edit_view=type(
            f"{model.__name__}EditView", (StrategyEditView,), {"model": model, "form_class": form}
        ),
    )
