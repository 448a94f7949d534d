"""The phone test form: one passed/failed box per check instead of the stored JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.crud import _formfield

from .choices import Check
from .models import PhoneTest


class PhoneTestForm(forms.ModelForm):
    """A phone test; each check is ticked when passed."""

    class Meta:
        model = PhoneTest
        fields = ["division", *(f for f in PhoneTest.ENTERED_FIELDS if f != "checks")]
        formfield_callback = _formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        checks = self.instance.checks or {}
        for code, label in Check.choices:
            self.fields[f"check_{code}"] = forms.BooleanField(
                label=_("Passed: %(check)s") % {"check": label},
                required=False,
                initial=checks.get(code, True),
            )

    def clean(self):
        data = super().clean()
        self.instance.checks = {c: bool(data.get(f"check_{c}")) for c in Check.values}
        return data
