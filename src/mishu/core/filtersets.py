"""Filters shared by every list: a reporting period over a date field."""

import django_filters
from django.core.exceptions import FieldDoesNotExist
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


def count_choice_fields(filterset_class, model, names=None) -> list[str]:
    """The filters whose choices a list labels with their counts: `names` if given, otherwise
    every ChoiceFilter over a field of `model` that has choices (a small, fixed set)."""
    if names is not None:
        return list(names)
    found = []
    for name, f in filterset_class.base_filters.items():
        if type(f) is not django_filters.ChoiceFilter or getattr(f, "method", None):
            continue
        try:
            field = model._meta.get_field(f.field_name)
        except FieldDoesNotExist:  # a filter over a path or expression: no counts
            continue
        if field.choices:
            found.append(name)
    return found


def label_choice_counts(filterset, names, request=None) -> None:
    """Adds to each choice of the `names` filters how many records it would match with the
    other filters as they are ("辦結 (12)"): one GROUP BY query per filter."""
    from django.db.models import Count

    data = filterset.data.copy() if filterset.is_bound else {}
    for name in names:
        flt = filterset.filters.get(name)
        form_field = filterset.form.fields.get(name)
        if flt is None or form_field is None:
            continue
        others = type(filterset)(
            {k: v for k, v in data.items() if k != name} or None,
            queryset=filterset.queryset,
            request=request,
        )
        if others.is_bound and not others.is_valid():
            return
        qs = others.qs if others.is_bound else filterset.queryset
        counts = dict(
            qs.order_by()
            .values(flt.field_name)
            .annotate(n=Count("pk"))
            .values_list(flt.field_name, "n")
        )
        form_field.choices = [
            (value, f"{label} ({counts.get(value, 0)})" if value not in ("", None) else label)
            for value, label in form_field.choices
        ]
