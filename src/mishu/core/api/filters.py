"""The API's filter backend: django-filter's, generating filtersets from `filterset_fields` with
whole-number fields filtered by whole numbers (`core.filtersets.WHOLE_NUMBERS`), and refusing an
empty value for a filter whose documented type is not text (`?overdue=`, `?year=`): the schema
says boolean or integer, so an empty one is a mistake to name, not a filter to drop quietly.
(The staff pages' filter forms keep django-filter's reading of a blank field as "no filter".)"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as drf_filters
from rest_framework.exceptions import ValidationError

from ..filtersets import WHOLE_NUMBERS

# filters documented with a type other than free text (boolean, number, date, id, enum)
TYPED = (
    django_filters.BooleanFilter,
    django_filters.NumberFilter,
    django_filters.DateFilter,
    django_filters.DateTimeFilter,
    django_filters.ModelChoiceFilter,
    django_filters.ModelMultipleChoiceFilter,
    django_filters.ChoiceFilter,
    django_filters.MultipleChoiceFilter,
)
EMPTY = _("Leave the parameter out rather than send it empty.")


class FilterSet(drf_filters.FilterSet):
    FILTER_DEFAULTS = {**drf_filters.FilterSet.FILTER_DEFAULTS, **WHOLE_NUMBERS}


class FilterBackend(drf_filters.DjangoFilterBackend):
    filterset_base = FilterSet

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is not None:
            empty = [
                name
                for name, flt in filterset.filters.items()
                if isinstance(flt, TYPED)
                and name in request.query_params
                and "" in request.query_params.getlist(name)
            ]
            if empty:
                raise ValidationError({name: [str(EMPTY)] for name in empty})
        return super().filter_queryset(request, queryset, view)
