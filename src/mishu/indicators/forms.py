"""Forms of the indicators app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.exports import FORMATS
from mishu.core.forms import PeriodField

from .cells import CellError, format_cell, parse_cell
from .choices import IndicatorKind
from .importing import _check_value
from .models import Observation, ObservedIndicator


class PeriodForm(forms.Form):
    """The period a page shows (GET)."""

    period = PeriodField(label=_("Period"))


class ImportForm(forms.Form):
    period = PeriodField(label=_("Period"))
    file = forms.FileField(label=_("File (CSV, XLSX or ODS)"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return f


class TemplateForm(forms.Form):
    period = PeriodField(label=_("Period"))
    format = forms.ChoiceField(label=_("Format"), choices=[(f, f.upper()) for f in FORMATS])


class ObservationForm(forms.ModelForm):
    """One observation; the division always follows the indicator's."""

    period = PeriodField(label=_("Period"))
    cell = forms.CharField(
        label=_("cell"),
        required=False,
        help_text=_("dimension=member;dimension=member, empty for a plain value"),
    )
    value = forms.CharField(label=_("value"), help_text=_("e.g. 1234, 1,234 or 1,151 萬 9,200"))

    class Meta:
        model = Observation
        fields = ["indicator", "period", "cell", "value", "note", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["cell"] = format_cell(self.instance.cell)
            self.initial["value"] = str(self.instance.value.normalize())

    def clean(self):
        data = super().clean()
        ind = data.get("indicator")
        if ind is None:
            return data
        try:
            data["cell"] = parse_cell(data.get("cell"), ind.dimensions or [])
        except CellError as exc:
            self.add_error("cell", exc.message)
        if self.cleaned_data.get("value") not in (None, ""):
            try:
                data["value"] = _check_value(ind, str(data["value"]))
            except ValueError as exc:
                self.add_error("value", str(exc))
        if data.get("period") is not None:
            data["period"] = data["period"].code
        if not self.errors:
            clash = Observation.objects.filter(indicator=ind, period=data["period"]).exclude(
                pk=self.instance.pk
            )
            if any(o.cell == data["cell"] for o in clash):
                raise forms.ValidationError(
                    _("This indicator already has a value for this period and cell.")
                )
        return data

    def save(self, commit=True):
        self.instance.division = self.cleaned_data["indicator"].division
        return super().save(commit)


class ObservedIndicatorForm(forms.ModelForm):
    dimensions = forms.CharField(
        label=_("dimensions"), required=False, help_text=_("space-separated, e.g. agency month")
    )
    kind = forms.ChoiceField(label=_("kind"), choices=IndicatorKind.choices)

    class Meta:
        model = ObservedIndicator
        fields = [
            "code",
            "label",
            "label_en",
            "unit",
            "division",
            "dimensions",
            "kind",
            "allow_negative",
            "stock",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["dimensions"] = " ".join(self.instance.dimensions or [])

    def clean_dimensions(self):
        return (self.cleaned_data.get("dimensions") or "").split()
