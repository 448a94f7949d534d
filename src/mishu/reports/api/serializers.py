from rest_framework import serializers

from ..models import BuiltReport, ReportTemplate
from ..rendering.grammar import TemplateError, parse


class ReportTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportTemplate
        fields = ["id", "name", "description", "body", "is_default", "created", "last_updated"]
        read_only_fields = ["created", "last_updated"]

    def validate_body(self, body):
        try:
            parse(body)
        except TemplateError as exc:
            raise serializers.ValidationError([str(p) for p in exc.problems]) from None
        return body


class BuiltReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = BuiltReport
        fields = [
            "id",
            "period",
            "template",
            "format",
            "file",
            "built_at",
            "built_by",
            "from_snapshot",
            "missing",
        ]
