"""The form of an agency's e-document return, and the filters of its list and API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from mishu.core.forms import PeriodField
from mishu.core.models import Agency

from .models import FIGURE_FIELDS, SIGNOFF_FIELDS, EDocumentReturn


class EDocumentReturnForm(forms.ModelForm):
    """Entering or correcting a return; the model checks parts against totals and duplicates."""

    class Meta:
        model = EDocumentReturn
        fields = ["agency", "period", *FIGURE_FIELDS, "note"]
        widgets = {
            "period": forms.TextInput(attrs={"placeholder": "108", "autocomplete": "off"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(
            Q(active=True) | Q(pk=self.instance.agency_id or 0)
        ).order_by("order", "code")
        for name in ("paper_baseline_boxes", "paper_saved_boxes"):
            self.fields[name].widget.attrs.update(step="0.5", min="0", inputmode="decimal")
        for name in FIGURE_FIELDS:
            self.fields[name].widget.attrs.setdefault("min", "0")
        if self.instance.pk and self.instance.is_secretariat:
            for name in SIGNOFF_FIELDS:  # the register counts the secretariat's
                del self.fields[name]


@extend_schema_field(OpenApiTypes.STR)
class WithinPeriodFilter(django_filters.Filter):
    """Returns within a period (`108` also finds the half-years' returns of 108)."""

    field_class = PeriodField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(starts_on__gte=value.start, ends_on__lte=value.end)


class EDocumentReturnFilterSet(django_filters.FilterSet):
    period = WithinPeriodFilter(label=_("Period"))
    agency = django_filters.CharFilter(method="by_agency", label=_("agency"))

    class Meta:
        model = EDocumentReturn
        fields = []

    def by_agency(self, qs, name, value):
        value = value.strip()
        return qs.filter(
            Q(agency__code=value) | Q(agency__short_name=value) | Q(agency__name=value)
        )
