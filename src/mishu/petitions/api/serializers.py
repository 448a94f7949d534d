"""API serializers of petitions: never any petitioner field (they are masked as 王○○)."""

from rest_framework import serializers

from ..choices import DeclineReason, EventAction, Satisfaction
from ..models import AgencyContact, CollectivePetition, PetitionCase, PetitionEvent


class PetitionEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = PetitionEvent
        fields = ["action", "from_status", "to_status", "agency", "note", "at", "user"]


class PetitionCaseSerializer(serializers.ModelSerializer):
    petitioner = serializers.CharField(source="masked_name", read_only=True)

    class Meta:
        model = PetitionCase
        fields = [
            "id",
            "number",
            "division",
            "channel",
            "received_on",
            "subject",
            "body",
            "category",
            "petitioner",
            "agency",
            "status",
            "time_limit",
            "deadline",
            "extension_reason",
            "reply",
            "replied_on",
            "closed_on",
            "decline_reason",
            "repeat_of",
            "satisfaction",
            "public_summary",
            "public_summary_approved_at",
            "created",
            "last_updated",
        ]
        read_only_fields = fields


class CaseActionSerializer(serializers.Serializer):
    """One workflow action; `services.act` checks which fields the action needs."""

    action = serializers.ChoiceField(choices=EventAction.choices)
    agency = serializers.PrimaryKeyRelatedField(
        queryset=PetitionCase._meta.get_field("agency").related_model.objects.all(),
        required=False,
    )
    days = serializers.IntegerField(min_value=1, required=False)
    reason = serializers.CharField(max_length=300, required=False)
    petitioner_told = serializers.BooleanField(required=False)
    decline_reason = serializers.ChoiceField(choices=DeclineReason.choices, required=False)
    reply = serializers.CharField(required=False)
    satisfaction = serializers.ChoiceField(choices=Satisfaction.choices, required=False)
    note = serializers.CharField(max_length=500, required=False)


class CollectivePetitionSerializer(serializers.ModelSerializer):
    hours = serializers.DecimalField(max_digits=8, decimal_places=2, read_only=True)

    class Meta:
        model = CollectivePetition
        fields = [
            "id",
            "division",
            "date",
            "place",
            "group",
            "size",
            "subject",
            "agency",
            "arrived_at",
            "dispersed_at",
            "hours",
            "created",
            "last_updated",
        ]
        read_only_fields = ["created", "last_updated"]

    def validate(self, attrs):
        arrived = attrs.get("arrived_at", getattr(self.instance, "arrived_at", None))
        dispersed = attrs.get("dispersed_at", getattr(self.instance, "dispersed_at", None))
        if arrived and dispersed and dispersed < arrived:
            from django.utils.translation import gettext as _

            raise serializers.ValidationError(
                {"dispersed_at": _("The dispersal cannot be before the arrival.")}
            )
        return attrs


class AgencyContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgencyContact
        fields = ["id", "division", "agency", "name", "email", "created", "last_updated"]
        read_only_fields = ["created", "last_updated"]
