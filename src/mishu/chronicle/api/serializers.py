from rest_framework import serializers

from ..models import Event


class EventSerializer(serializers.ModelSerializer):
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

    def validate(self, attrs):
        start, end = attrs.get("start_date"), attrs.get("end_date")
        if self.instance is not None:
            start = start or self.instance.start_date
        if start and end and end < start:
            from django.utils.translation import gettext as _

            raise serializers.ValidationError(
                {"end_date": _("The end date cannot be before the date.")}
            )
        return attrs
