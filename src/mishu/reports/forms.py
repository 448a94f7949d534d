"""Forms of the reports app: templates (checked for placeholder errors), period choice, reopen."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.forms import PeriodField

from .models import ReportTemplate
from .rendering.grammar import TemplateError, parse


class ReportTemplateForm(forms.ModelForm):
    """A template; its placeholders are parsed on save so syntax errors show with their lines."""

    class Meta:
        model = ReportTemplate
        fields = ["name", "description", "body", "is_default"]
        widgets = {
            "body": forms.Textarea(
                attrs={"rows": 30, "cols": 100, "spellcheck": "false", "class": "template-body"}
            ),
            "description": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_body(self):
        body = self.cleaned_data["body"]
        try:
            parse(body)
        except TemplateError as exc:
            raise forms.ValidationError([str(p) for p in exc.problems]) from None
        return body


class PeriodForm(forms.Form):
    period = PeriodField(label=_("Period"))


class PreviewForm(forms.Form):
    period = PeriodField(label=_("Preview period"), required=False)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give a reason for reopening the period."))
        return reason
