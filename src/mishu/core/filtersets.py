"""Filters shared by every list: a reporting period over a date field."""

import datetime
import hashlib

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import models
from django.db.models import Count, Max
from django.utils import timezone, translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from . import versions
from .formats import Period
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
    other filters as they are ("辦結 (12)"): one GROUP BY query per filter, kept (by its SQL)
    until the data changes (core.versions.kept)."""
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
        grouped = (
            qs.order_by()
            .values(flt.field_name)
            .annotate(n=Count("pk"))
            .values_list(flt.field_name, "n")
        )
        # the same statement over the same data counts the same: kept until the data changes
        query = query_name(grouped)
        counts = dict(versions.kept("counts", (query,), lambda q=grouped: list(q)) if query else [])
        form_field.choices = [
            (value, f"{label} ({counts.get(value, 0)})" if value not in ("", None) else label)
            for value, label in form_field.choices
        ]


def period_with_records(qs, date_field: str, kind: str = "half", today=None):
    """The period a page opens on when none is asked for: the `kind` period of the latest record
    of `qs` (already restricted to the user's scope) dated up to today, so that a page does not
    open on an empty current period; the current period when there is no record at all.
    Returns (period, True when it is not the current period). One indexed MAX query."""
    today = today or timezone.localdate()
    if qs.model._meta.get_field(date_field).get_internal_type() == "DateTimeField":
        tomorrow = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
        bound = {f"{date_field}__lt": timezone.make_aware(tomorrow)}
    else:
        bound = {f"{date_field}__lte": today}
    latest = qs.filter(**bound).aggregate(m=Max(date_field))["m"]
    current = Period.for_date(kind, today)
    if latest is None:
        return current, False
    if isinstance(latest, datetime.datetime):
        latest = timezone.localtime(latest).date() if timezone.is_aware(latest) else latest.date()
    found = Period.for_date(kind, latest)
    return found, found != current


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


def list_record_choices(form) -> None:
    """Give every record choice of `form` (a filter form's units, handlers, agencies) its
    choices as a list, as the page shows them. Django reads a ModelChoiceField's choices through
    `QuerySet.iterator()` each time the select renders — on PostgreSQL a server-side cursor,
    three round trips (DECLARE, FETCH, CLOSE). Here they are read with one plain query, once for
    each version of the data, query and language in this process (core.versions.held: a
    renamed unit or a new handler shows on the next page). Validation still looks the chosen
    record up in the field's queryset."""
    language = translation.get_language()
    for field in form.fields.values():
        if not isinstance(field, forms.ModelChoiceField) or hasattr(field, "_choices"):
            continue
        iterator = field.iterator(field)
        head = [("", field.empty_label)] if field.empty_label is not None else []
        if getattr(field, "null_label", None) is not None:  # django-filter's "no value" choice
            head.append((field.null_value, field.null_label))

        def read(field=field, iterator=iterator):
            return [iterator.choice(obj) for obj in field.queryset.all()]

        query = query_name(field.queryset)
        if query is None:
            rows = read()
        else:
            kind = type(field)
            name = f"choices:{kind.__module__}.{kind.__qualname__}:{field.to_field_name}"
            rows = versions.held(f"{name}:{language}:{query}", read)
        forms.ChoiceField.choices.fset(field, head + rows)  # django-filter's would re-wrap it


def query_name(qs) -> str | None:
    """A short name of the SQL a queryset runs (None for one that can match nothing)."""
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.blake2b(f"{qs.db}:{sql}:{params!r}".encode(), digest_size=12).hexdigest()
