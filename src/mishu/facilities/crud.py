"""Staff pages and API endpoints for a record type from a short declaration, on the generic
views (`mishu.core.views.generic`) and API viewsets (`mishu.core.api.viewsets`).

Shared by the facilities, properties and procurement apps: each declares `Crud(model, ...)`
entries and gets the six URL patterns, a form whose dates are typed as ROC dates, a filterset
with a period filter, and a restricted read-write API endpoint whose serializer runs the
model's own validation (so bad input gets the same message, naming the field, as in the UI).
"""

from dataclasses import dataclass, field

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from mishu.core.api.viewsets import RestrictedModelViewSet
from mishu.core.filtersets import PeriodFilter
from mishu.core.forms import RocDateField
from mishu.core.views import generic


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return RocDateField(
            label=db_field.verbose_name,
            required=not db_field.blank,
            help_text=db_field.help_text or None,
        )
    return db_field.formfield(**kwargs)


class CleanSerializer(serializers.ModelSerializer):
    """Runs the model's `full_clean` (minus uniqueness, checked by the database) on the data,
    reporting errors per field."""

    def validate(self, attrs):
        instance = self.instance or self.Meta.model()
        for name, value in attrs.items():
            setattr(instance, name, value)
        try:
            instance.full_clean(validate_unique=False)
        except ValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from None
        return attrs


class ServiceSerializer(CleanSerializer):
    """Saves through `Meta.save_with(instance)` (a service function) instead of `save()`."""

    def create(self, validated_data):
        instance = self.Meta.model(**validated_data)
        return type(self).Meta.save_with(instance)

    def update(self, instance, validated_data):
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return type(self).Meta.save_with(instance)


@dataclass
class Crud:
    """A record type's staff pages and API: `fields` edited, `columns` listed, `filters`
    offered (plus `period` over `date_field` and `q` over `search`)."""

    model: type
    fields: list
    columns: list
    filters: list = field(default_factory=list)
    date_field: str = ""
    search: str = ""
    list_view: type | None = None
    detail_view: type | None = None
    edit_view: type | None = None
    form: type | None = None
    serializer: type | None = None
    api_prefix: str = ""
    # shown and exported, never edited here: a workflow owns them (e.g. a booking's status)
    read_only: list = field(default_factory=list)

    @property
    def name(self):
        return self.model._meta.model_name

    def filterset(self):
        attrs = {"Meta": type("Meta", (), {"model": self.model, "fields": self.filters})}
        if self.date_field:
            attrs["period"] = PeriodFilter(field_name=self.date_field, label=_("Period"))
        if self.search:
            attrs["q"] = django_filters.CharFilter(
                field_name=self.search, lookup_expr="icontains", label=_("Contains")
            )
        return type(f"{self.model.__name__}FilterSet", (django_filters.FilterSet,), attrs)

    def form_class(self):
        if self.form:
            return self.form
        return forms.modelform_factory(
            self.model,
            fields=["division", *(f for f in self.fields if f not in self.read_only)],
            formfield_callback=_formfield,
        )

    def views(self):
        fs = self.filterset()
        lv = type(
            f"{self.model.__name__}ListView",
            (self.list_view or generic.ObjectListView,),
            {
                "model": self.model,
                "filterset_class": fs,
                "columns": self.columns,
                "export_columns": ["id", "division", *self.fields],
            },
        )
        dv = type(
            f"{self.model.__name__}DetailView",
            (self.detail_view or generic.ObjectDetailView,),
            {"model": self.model},
        )
        ev = type(
            f"{self.model.__name__}EditView",
            (self.edit_view or generic.ObjectEditView,),
            {"model": self.model, "form_class": self.form_class()},
        )
        return lv, dv, ev

    def urls(self):
        lv, dv, ev = self.views()
        patterns = generic.model_urls(self.model, list_view=lv, detail_view=dv, edit_view=ev)
        return path(f"{self.name}s/", include(patterns))

    def viewset(self):
        serializer = self.serializer or type(
            f"{self.model.__name__}Serializer",
            (CleanSerializer,),
            {
                "Meta": type(
                    "Meta",
                    (),
                    {
                        "model": self.model,
                        "fields": ["id", "division", *self.fields, "created", "last_updated"],
                        "read_only_fields": ["created", "last_updated", *self.read_only],
                    },
                )
            },
        )
        return type(
            f"{self.model.__name__}ViewSet",
            (RestrictedModelViewSet,),
            {
                "queryset": self.model.objects.select_related("division"),
                "serializer_class": serializer,
                "filterset_class": self.filterset(),
            },
        )

    def register(self, router, app):
        router.register(
            f"{app}/{self.api_prefix or self.name + 's'}",
            self.viewset(),
            basename=f"{app}-{self.name}",
        )
