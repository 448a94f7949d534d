"""Filters shared by every list: a reporting period over a date field."""

import django_filters
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
