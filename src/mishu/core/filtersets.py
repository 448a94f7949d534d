"""Filters shared by every list: a reporting period over a date field."""

import django_filters
from django import forms
from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .forms import PeriodField


@extend_schema_field(OpenApiTypes.STR)
class PeriodFilter(django_filters.Filter):
    """Keeps records whose date falls in a period typed as `108H2`, `108Q3`, `108-07`, `108`."""

    field_class = PeriodField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__range": (value.start, value.end)})


class IntegerFilter(django_filters.NumberFilter):
    """A number filter over a whole-number field: `?year=0.5` is a 400, as the schema says
    (django-filter's NumberFilter would read it as a decimal)."""

    field_class = forms.IntegerField


# django-filter's defaults, with whole-number model fields filtered by whole numbers
WHOLE_NUMBERS = {
    field: {"filter_class": IntegerFilter}
    for field in (
        models.IntegerField,
        models.SmallIntegerField,
        models.BigIntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.PositiveBigIntegerField,
        models.AutoField,
        models.BigAutoField,
        models.SmallAutoField,
    )
}


class FilterSet(django_filters.FilterSet):
    """The base of generated filtersets: whole-number fields filter by whole numbers."""

    FILTER_DEFAULTS = {**django_filters.FilterSet.FILTER_DEFAULTS, **WHOLE_NUMBERS}
