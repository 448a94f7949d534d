import django_filters
from django.utils.translation import gettext_lazy as _

from mishu.core.filtersets import PeriodFilter

from .choices import EventCategory
from .models import Event


class EventFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label=_("Title contains")
    )
    category = django_filters.ChoiceFilter(choices=EventCategory.choices, label=_("category"))
    period = PeriodFilter(field_name="start_date", label=_("Period"))

    class Meta:
        model = Event
        fields = ["division", "category"]
