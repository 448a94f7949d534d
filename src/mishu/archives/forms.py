"""Forms of the archives' own pages: filing, drawing a list, review steps, taking a file off, the
catalogue submission, and an agency's list received as a file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.forms import RocDateField

from . import workflow
from .choices import ListSource, ListState, RefusalReason
from .models import ArchiveApplication, CaseFile, DestructionList
from .models.applications import PERSONAL_FIELDS


class FilingForm(forms.Form):
    number = forms.CharField(label=_("Document number"), max_length=40)
    case_file = forms.ModelChoiceField(label=_("case file"), queryset=CaseFile.objects.none())
    volume_no = forms.IntegerField(label=_("volume number"), min_value=1, initial=1)
    filed_on = RocDateField(label=_("filed on"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_file"].queryset = (
            CaseFile.objects.restrict(user, "change")
            .filter(state="kept")
            .select_related("archive_class")
        )


class DrawListForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300)
    case_files = forms.ModelMultipleChoiceField(
        label=_("case files"), queryset=CaseFile.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_files"].queryset = queryset


class StepForm(forms.Form):
    step = forms.ChoiceField(
        label=_("step"), choices=[(k, v[2]) for k, v in workflow.TRANSITIONS.items()]
    )
    on = RocDateField(label=_("date"), required=False)
    approval_no = forms.CharField(label=_("approval number"), max_length=60, required=False)
    method = forms.CharField(label=_("destruction method"), max_length=100, required=False)
    witness = forms.CharField(label=_("witness"), max_length=100, required=False)
    note = forms.CharField(label=_("note"), max_length=500, required=False)


class TakeOffForm(forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("reason for keeping"), max_length=300)
    keep_years = forms.IntegerField(
        label=_("keep longer (years)"), min_value=1, max_value=99, required=False
    )


class SubmitCatalogueForm(forms.Form):
    year = forms.IntegerField(label=_("ROC year"), min_value=1, max_value=200)
    half = forms.TypedChoiceField(
        label=_("half-year"), choices=[(1, _("first")), (2, _("second"))], coerce=int
    )
    submitted_on = RocDateField(label=_("submitted on"))


class AgencyListForm(forms.ModelForm):
    """An agency's destruction list received as a file: its counts; review steps come later."""

    received_on = RocDateField(label=_("drawn or received on"))

    class Meta:
        model = DestructionList
        fields = ["division", "agency", "title", "received_on", "items", "cases", "volumes", "note"]

    def clean(self):
        data = super().clean()
        if self.instance.pk and (
            self.instance.source != ListSource.AGENCY or self.instance.state != ListState.RECEIVED
        ):
            raise forms.ValidationError(
                _("Only an agency's list not yet reviewed can be changed here.")
            )
        return data

    def save(self, commit=True):
        if self.instance.pk is None:
            self.instance.source = ListSource.AGENCY
            self.instance.state = ListState.RECEIVED
        return super().save(commit)


class ApplicationForm(forms.ModelForm):
    """An application as received; the applicant's details are typed once, on receipt, and are
    not shown again in the form (they are revealed, and logged, on their own page)."""

    received_on = RocDateField(label=_("received on"))

    class Meta:
        model = ArchiveApplication
        fields = ["division", *PERSONAL_FIELDS, *ArchiveApplication.ENTERED_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in PERSONAL_FIELDS:
                del self.fields[name]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    decided_on = RocDateField(label=_("decided on"))
    refusal_reason = forms.ChoiceField(
        label=_("legal ground for refusal"),
        choices=[("", "—"), *RefusalReason.choices],
        required=False,
    )
    note = forms.CharField(label=_("decision note"), max_length=500, required=False)


class VisitForm(forms.Form):
    visited_on = RocDateField(label=_("visited on"))
    copies = forms.IntegerField(label=_("pages copied"), min_value=0, initial=0)
    note = forms.CharField(label=_("note"), max_length=300, required=False)


class TransferForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=300)
    transferred_on = RocDateField(label=_("transferred on"))
    approval_no = forms.CharField(label=_("approval number"), max_length=60)
    case_files = forms.ModelMultipleChoiceField(
        label=_("case files"), queryset=CaseFile.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case_files"].queryset = queryset
