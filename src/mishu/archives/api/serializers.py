from rest_framework import serializers

from mishu.core.api.serializers import ModelCleanSerializer

from ..models import ArchiveApplication
from ..models.applications import PERSONAL_FIELDS


class ApplicationSerializer(ModelCleanSerializer):
    """An application: the applicant's details are written on receipt and never read back
    (the masked name is); decisions go through `decide`."""

    masked_name = serializers.CharField(read_only=True)

    class Meta:
        model = ArchiveApplication
        fields = [
            "id",
            "division",
            *PERSONAL_FIELDS,
            "masked_name",
            *ArchiveApplication.ENTERED_FIELDS,
            "deadline",
            "state",
            "decided_on",
            "refusal_reason",
            "decision_note",
            "created",
            "last_updated",
        ]
        read_only_fields = [
            "deadline",
            "state",
            "decided_on",
            "refusal_reason",
            "decision_note",
            "created",
            "last_updated",
        ]
        extra_kwargs = {f: {"write_only": True} for f in PERSONAL_FIELDS}
