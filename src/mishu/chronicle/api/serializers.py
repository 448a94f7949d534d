from mishu.core.api.serializers import ModelCleanSerializer

from ..models import Event


class EventSerializer(ModelCleanSerializer):
    class Meta:
        model = Event
        fields = [
            "id",
            "division",
            "category",
            "start_date",
            "end_date",
            "title",
            "description",
            "place",
            "people",
            "persons",
            "sessions",
            "groups",
            "created",
            "last_updated",
        ]
        read_only_fields = ["created", "last_updated"]
