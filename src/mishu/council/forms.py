"""The form of a directive's step (progress, closure, reopening)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.forms import RocDateField


class StepForm(forms.Form):
    on = RocDateField(label=_("Date"))
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))
