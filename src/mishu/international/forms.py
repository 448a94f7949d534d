"""Forms beyond the generic ones: the step of a grant's workflow."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core import permissions as rights
from mishu.core.forms import RocDateField

from .choices import MeetingKind
from .models import Meeting


class GrantStepForm(forms.Form):
    """What a workflow step records; which fields a step needs is `workflow.REQUIRES`."""

    review_meeting = forms.ModelChoiceField(
        Meeting.objects.none(), label=_("review meeting"), required=False
    )
    decided_on = RocDateField(label=_("decided on"), required=False)
    memo_number = forms.CharField(label=_("memo number"), max_length=60, required=False)
    approved_amount = forms.DecimalField(
        label=_("amount approved"), min_value=0, decimal_places=0, required=False
    )
    paid_on = RocDateField(label=_("paid on"), required=False)
    paid_amount = forms.DecimalField(
        label=_("amount paid"), min_value=0, decimal_places=0, required=False
    )
    note = forms.CharField(label=_("note"), max_length=300, required=False)

    def __init__(self, *args, user=None, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.restrict(user, rights.VIEW).filter(kind=MeetingKind.REVIEW)
        if application is not None:
            meetings = meetings.filter(division_id=application.division_id)
        self.fields["review_meeting"].queryset = meetings.order_by("-start_date")
