import django_filters
from django.utils.translation import gettext_lazy as _

from mishu.core.filtersets import PeriodFilter

from .choices import Channel, Status
from .models import CollectivePetition, PersonalDataAccess, PetitionCase


class PetitionCaseFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label=_("Number or subject contains"))
    status = django_filters.ChoiceFilter(choices=Status.choices, label=_("status"))
    channel = django_filters.ChoiceFilter(choices=Channel.choices, label=_("channel"))
    period = PeriodFilter(field_name="received_on", label=_("Period"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Past deadline"))

    class Meta:
        model = PetitionCase
        fields = ["agency", "status", "channel"]

    def search(self, qs, name, value):
        from django.db.models import Q

        return qs.filter(Q(number__icontains=value) | Q(subject__icontains=value))

    def filter_overdue(self, qs, name, value):
        from django.utils import timezone

        from .workflow import OPEN

        if value is None:
            return qs
        late = qs.filter(status__in=OPEN, deadline__lt=timezone.localdate())
        return late if value else qs.exclude(pk__in=late.values("pk"))


class CollectivePetitionFilterSet(django_filters.FilterSet):
    period = PeriodFilter(field_name="date", label=_("Period"))

    class Meta:
        model = CollectivePetition
        fields = ["agency"]


class PersonalDataAccessFilterSet(django_filters.FilterSet):
    case = django_filters.CharFilter(field_name="case__number", label=_("Case number"))

    class Meta:
        model = PersonalDataAccess
        fields = ["user"]
