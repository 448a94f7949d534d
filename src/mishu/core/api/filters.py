"""The API's filter backend: django-filter's, generating filtersets from `filterset_fields` with
whole-number fields filtered by whole numbers (`core.filtersets.WHOLE_NUMBERS`)."""

from django_filters import rest_framework as drf_filters

from ..filtersets import WHOLE_NUMBERS


class FilterSet(drf_filters.FilterSet):
    FILTER_DEFAULTS = {**drf_filters.FilterSet.FILTER_DEFAULTS, **WHOLE_NUMBERS}


class FilterBackend(drf_filters.DjangoFilterBackend):
    filterset_base = FilterSet
