"""Related-object fields restricted by the same rule as the records themselves: a clerk may
link a record only to records of their own division (and to shared reference data such as the
agencies), in a form and in the API alike.

Use `RestrictedRelatedEditView` as a Crud's `edit_view`, and `restricted_serializer(model)` (or
`RestrictedRelatedSerializer` as a base) as its `serializer`.
"""

from . import permissions as rights
from .api.serializers import ModelCleanSerializer
from .views.generic import ObjectEditView


def restrict_choices(queryset, user):
    """The choices of a related field narrowed to what `user` may read (division excluded: the
    edit view and the viewsets narrow it to where the user may write)."""
    if hasattr(queryset, "restrict"):
        return queryset.restrict(user, rights.VIEW)
    return queryset


class RestrictedRelatedEditView(ObjectEditView):
    """The generic edit view, every foreign-key choice restricted to what the user may read."""

    def get_form(self, instance):
        form = super().get_form(instance)
        for name, field in form.fields.items():
            if name != "division" and hasattr(field, "queryset"):
                field.queryset = restrict_choices(field.queryset, self.request.user)
        return form


class RestrictedRelatedSerializer(ModelCleanSerializer):
    """ModelCleanSerializer whose related fields accept only records the user may read (another
    division's record is answered as if it did not exist)."""

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for name, field in fields.items():
            if name != "division" and getattr(field, "queryset", None) is not None:
                field.queryset = restrict_choices(field.queryset, user)
        return fields


def restricted_serializer(model, fields, read_only=()):
    """A RestrictedRelatedSerializer of `model` with `fields` (`read_only` ones, created and
    last_updated shown but not written), for a Crud's `serializer`."""
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": ["id", "division", *fields, "created", "last_updated"],
            "read_only_fields": ["created", "last_updated", *read_only],
        },
    )
    return type(f"{model.__name__}Serializer", (RestrictedRelatedSerializer,), {"Meta": meta})


__all__ = ["RestrictedRelatedEditView", "RestrictedRelatedSerializer", "restricted_serializer"]
