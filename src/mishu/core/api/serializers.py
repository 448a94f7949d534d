"""Serializers of the organisation and the change log."""

from rest_framework import serializers

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
