from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from .. import services
from ..models import Document, DocumentEvent, FileKind, SignoffFile

READ_ONLY = [
    "number",
    "year",
    "serial",
    "state",
    "deadline",
    "closed_on",
    "days_used",
    "timeliness",
    "dispatched_on",
    "created",
    "last_updated",
]


class DocumentSerializer(serializers.ModelSerializer):
    """Documents; creating one registers it (number, deadline and event come from services)."""

    class Meta:
        model = Document
        fields = ["id", *Document.ENTERED_FIELDS, *READ_ONLY]
        read_only_fields = READ_ONLY
        extra_kwargs = {"registered_on": {"required": False}}

    def create(self, validated_data):
        request = self.context.get("request")
        doc = Document(**validated_data)
        try:
            return services.register(doc, getattr(request, "user", None))
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc

    def update(self, instance, validated_data):
        for key, value in validated_data.items():
            setattr(instance, key, value)
        request = self.context.get("request")
        try:
            return services.update(instance, getattr(request, "user", None))
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentEvent
        fields = ["name", "from_state", "to_state", "at", "user", "note"]


class TransitionSerializer(serializers.Serializer):
    """One workflow step; 分文 and 改分 name the handler (a member of the receiving unit: the
    service checks it)."""

    transition = serializers.CharField()
    handler = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True), required=False, allow_null=True
    )
    on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ExtensionSerializer(serializers.Serializer):
    new_deadline = serializers.DateField()
    reason = serializers.CharField()


class DecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField()


class SignoffFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = SignoffFile
        fields = [
            "id",
            "kind",
            "file_name",
            "sha256",
            "size",
            "summary",
            "uploaded_by",
            "uploaded_at",
        ]


class SignoffUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=FileKind.choices)
    file = serializers.FileField()
