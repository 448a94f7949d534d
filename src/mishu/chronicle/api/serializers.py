from mishu.core.api.serializers import ModelCleanSerializer

from ..models import Event


class EventSerializer(ModelCleanSerializer):
    class Meta:
        model = Event
        fields = ["id", *Event.ENTERED_FIELDS, "created", "last_updated"]
        read_only_fields = ["created", "last_updated"]
