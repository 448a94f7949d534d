from django.utils.translation import gettext as _
from rest_framework import serializers

from mishu.core import formats

from ..cells import CellError, parse_cell
from ..importing import _check_value
from ..models import Observation, ObservedIndicator


class IndicatorDefSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    label_en = serializers.CharField()
    unit = serializers.CharField()
    dimensions = serializers.ListField(child=serializers.CharField())
    source = serializers.CharField()
    app = serializers.CharField()
    kind = serializers.CharField()
    allow_negative = serializers.BooleanField()
    stock = serializers.BooleanField()
    division = serializers.CharField()


class CellValueSerializer(serializers.Serializer):
    cell = serializers.DictField(child=serializers.CharField())
    value = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)


class IndicatorValueSerializer(serializers.Serializer):
    code = serializers.CharField()
    period = serializers.CharField()
    value = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    previous_year = serializers.DecimalField(max_digits=24, decimal_places=4, allow_null=True)
    cells = CellValueSerializer(many=True)
    share_of = serializers.CharField(
        allow_null=True,
        help_text="The division whose share the figures are (the viewer may see only its "
        "records); null when they are the organisation's, as in the report and KPIs.",
    )


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.SlugRelatedField(
        slug_field="code", queryset=ObservedIndicator.objects.all()
    )
    cell = serializers.DictField(child=serializers.CharField(), required=False)
    division = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Observation
        fields = [
            "id",
            "indicator",
            "period",
            "cell",
            "value",
            "note",
            "source",
            "division",
            "created",
            "last_updated",
        ]
        read_only_fields = ["created", "last_updated"]

    def validate_period(self, value):
        try:
            return formats.Period.parse(value).code
        except formats.FormatError as exc:
            raise serializers.ValidationError(str(exc)) from None

    def validate(self, attrs):
        ind = attrs.get("indicator") or getattr(self.instance, "indicator", None)
        cell = attrs.get("cell", getattr(self.instance, "cell", None) or {})
        try:
            text = ";".join(f"{k}={v}" for k, v in cell.items())
            attrs["cell"] = parse_cell(text, ind.dimensions or [])
        except CellError as exc:
            raise serializers.ValidationError({"cell": [str(exc.message)]}) from None
        if "value" in attrs:
            try:
                _check_value(ind, str(attrs["value"]))
            except ValueError as exc:
                raise serializers.ValidationError({"value": [str(exc)]}) from None
        period = attrs.get("period") or self.instance.period
        clash = Observation.objects.filter(indicator=ind, period=period)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if any(o.cell == attrs["cell"] for o in clash):
            raise serializers.ValidationError(
                _("This indicator already has a value for this period and cell.")
            )
        return attrs
