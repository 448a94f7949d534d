"""Staff pages and API endpoints for a record type from a short declaration, on the generic
views (`mishu.core.views.generic`) and API viewsets (`mishu.core.api.viewsets`).

An app declares `Crud(model, ...)` entries and gets the six URL patterns, a form whose dates are
typed as ROC dates, a filterset with a period filter, and a restricted read-write API endpoint
whose serializer runs the model's own validation (so bad input gets the same message, naming the
field, as in the UI). `viewset(model, filterset)` alone builds such an endpoint.
"""

from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db import models
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from .api.serializers import ModelCleanSerializer
from .api.viewsets import RestrictedModelViewSet
from .filtersets import FilterSet, PeriodFilter
from .forms import RocDateField
from .views import generic


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return RocDateField(
            label=db_field.verbose_name,
            required=not db_field.blank,
            help_text=db_field.help_text or None,
        )
    return db_field.formfield(**kwargs)


class ServiceSerializer(ModelCleanSerializer):
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
    # exported columns, when not every field (personal data nobody needs in bulk stays out)
    export_fields: list | None = None

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
        return type(f"{self.model.__name__}FilterSet", (FilterSet,), attrs)

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
                "export_columns": [
                    "id",
                    "division",
                    *(self.fields if self.export_fields is None else self.export_fields),
                ],
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
        return viewset(
            self.model,
            self.filterset(),
            serializer=self.serializer,
            fields=["id", "division", *self.fields, "created", "last_updated"],
            read_only=self.read_only,
        )

    def register(self, router, app):
        router.register(
            f"{app}/{self.api_prefix or self.name + 's'}",
            self.viewset(),
            basename=f"{app}-{self.name}",
        )


def viewset(model, filterset, *, serializer=None, fields=None, read_only=()):
    """A restricted read-write API endpoint of `model`: `fields` (default every field but
    `created_by`), the model's own clean() rules applied as in the forms."""
    if serializer is None:
        meta = {"model": model, "read_only_fields": ["created", "last_updated", *read_only]}
        if fields is None:
            meta["exclude"] = ["created_by"]
        else:
            meta["fields"] = fields
        serializer = type(
            f"{model.__name__}Serializer",
            (ModelCleanSerializer,),
            {"Meta": type("Meta", (), meta)},
        )
    return type(
        f"{model.__name__}ViewSet",
        (RestrictedModelViewSet,),
        {
            "queryset": model.objects.select_related("division"),
            "serializer_class": serializer,
            "filterset_class": filterset,
        },
    )
