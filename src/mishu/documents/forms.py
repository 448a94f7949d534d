from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.forms import RocDateField

from .models import Document, FileKind

DATE_FIELDS = ("received_on", "registered_on", "stated_deadline", "dispatched_on")


class DocumentForm(forms.ModelForm):
    """Registering (or correcting) a document; number, deadline and state come from services."""

    received_on = RocDateField(label=_("received on"), required=False)
    registered_on = RocDateField(label=_("registered on"), required=False)
    stated_deadline = RocDateField(label=_("stated deadline"), required=False)

    class Meta:
        model = Document
        fields = list(Document.ENTERED_FIELDS)

    def _post_clean(self):
        # Number, state and deadline are set by services.register; validate the rest only.
        opts = self._meta
        from django.forms.models import construct_instance

        self.instance = construct_instance(self, self.instance, opts.fields, opts.exclude)


class ExtensionRequestForm(forms.Form):
    new_deadline = RocDateField(label=_("new deadline"))
    reason = forms.CharField(label=_("reason"), max_length=500)


class ExtensionDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("decision"),
        choices=(("1", _("Approve")), ("0", _("Reject"))),
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(label=_("reason"), max_length=500)


class TransitionForm(forms.Form):
    """One workflow step; 分文 and 改分 name the handler among `handlers` (the receiving unit's
    members)."""

    transition = forms.CharField(widget=forms.HiddenInput)
    handler = forms.ModelChoiceField(label=_("handler"), queryset=None, required=False)
    on = RocDateField(label=_("date"), required=False)
    note = forms.CharField(label=_("note"), max_length=500, required=False)

    def __init__(self, *args, handlers=None, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = (
            handlers if handlers is not None else get_user_model().objects.none()
        )


class SignoffFileForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=FileKind.choices)
    file = forms.FileField(label=_("file (XML)"))
