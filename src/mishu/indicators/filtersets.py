import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Observation, ObservedIndicator


class ObservationFilterSet(django_filters.FilterSet):
    code = django_filters.CharFilter(field_name="indicator__code", label=_("code"))
    period = django_filters.CharFilter(field_name="period", label=_("Period"))

    class Meta:
        model = Observation
        fields = ["division"]


class ObservedIndicatorFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="label", lookup_expr="icontains", label=_("Label contains")
    )

    class Meta:
        model = ObservedIndicator
        fields = ["division", "kind"]
