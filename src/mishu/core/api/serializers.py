"""Serializers of the organisation and the change log."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .. import permissions as rights
from ..models import Agency, Division, ObjectChange


class DivisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Division
        fields = ["id", "code", "name", "name_en", "short_name", "order"]


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "code", "short_name", "short_name_en", "name", "name_en", "order", "active"]


class ObjectChangeSerializer(serializers.ModelSerializer):
    user = serializers.StringRelatedField()

    class Meta:
        model = ObjectChange
        fields = [
            "id",
            "time",
            "user",
            "actor_name",
            "request_id",
            "source",
            "action",
            "object_repr",
            "changes",
        ]


class ModelCleanSerializer(serializers.ModelSerializer):
    """A ModelSerializer that also runs the model's own `clean()`, so that a rule such as
    "the end date cannot be before the date" lives once, on the model, for forms, imports and
    the API alike."""

    def validate(self, attrs):
        from django.core.exceptions import ValidationError as DjangoValidationError

        attrs = super().validate(attrs)
        model = self.Meta.model
        concrete = {f.name for f in model._meta.concrete_fields}
        instance = model(**{k: v for k, v in attrs.items() if k in concrete})
        if self.instance is not None:
            for field in model._meta.concrete_fields:
                if field.name not in attrs:
                    setattr(instance, field.attname, getattr(self.instance, field.attname))
        try:
            instance.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        return attrs


FORBIDDEN_OR_MISSING = _("No such record, or not one you may use (id {pk_value}).")


def restrict_related_fields(serializer, user, action: str) -> None:
    """Narrow every related field of `serializer` (and of its nested serializers) to the records
    `user` may point at when performing `action`: see `permissions.related_choices`. A forbidden
    id is refused with the same message as one that does not exist, before any other check."""
    serializer = getattr(serializer, "child", serializer)  # many=True
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    for name, field in getattr(serializer, "fields", {}).items():
        relation = getattr(field, "child_relation", field)  # many-to-many
        if isinstance(field, serializers.BaseSerializer):
            restrict_related_fields(field, user, action)
        elif isinstance(relation, serializers.RelatedField) and relation.queryset is not None:
            relation.queryset = rights.related_choices(
                relation.queryset,
                user,
                model=model,
                name=(field.source or name).split(".")[0],
                action=action,
            )
            if isinstance(relation, serializers.PrimaryKeyRelatedField):
                relation.error_messages["does_not_exist"] = FORBIDDEN_OR_MISSING
