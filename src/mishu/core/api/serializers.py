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
