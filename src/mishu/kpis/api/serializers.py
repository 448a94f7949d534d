from rest_framework import serializers

from ..models import KPI, Objective


class KPISerializer(serializers.ModelSerializer):
    objective = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = KPI
        fields = [
            "id",
            "objective",
            "code",
            "name",
            "name_en",
            "indicator_code",
            "direction",
            "target",
            "unit",
            "weight",
            "year",
        ]


class ObjectiveSerializer(serializers.ModelSerializer):
    kpis = KPISerializer(many=True, read_only=True)

    class Meta:
        model = Objective
        fields = ["id", "code", "name", "name_en", "order", "year", "kpis"]


class EvaluationSerializer(serializers.Serializer):
    period = serializers.CharField()
    actual = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    target = serializers.DecimalField(max_digits=24, decimal_places=4)
    achievement = serializers.DecimalField(max_digits=12, decimal_places=6, allow_null=True)
