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


class DraftSectionSerializer(serializers.ModelSerializer):
    division = serializers.SlugRelatedField(slug_field="code", read_only=True)
    state_display = serializers.CharField(source="get_state_display", read_only=True)

    class Meta:
        from ..models import DraftSection

        model = DraftSection
        fields = [
            "id",
            "key",
            "title",
            "order",
            "division",
            "state",
            "state_display",
            "version",
            "body",
        ]
        read_only_fields = ["key", "title", "order", "division", "state", "version"]


class ReportDraftSerializer(serializers.ModelSerializer):
    sections = DraftSectionSerializer(many=True, read_only=True)
    locked = serializers.BooleanField(read_only=True)

    class Meta:
        from ..models import ReportDraft

        model = ReportDraft
        fields = [
            "id",
            "period",
            "template",
            "started_from",
            "state",
            "locked",
            "created",
            "sections",
        ]
        read_only_fields = fields
