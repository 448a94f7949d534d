"""Forms of petitions: the staff case form, the workflow action form, the public form and
the public status look-up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.forms import RocDateField
from mishu.core.models import Agency
from mishu.core.publicforms import contact_widgets

from .choices import DeclineReason, EventAction, Satisfaction
from .models import PERSONAL_FIELDS, AgencyContact, CollectivePetition, PetitionCase


class CaseNumberField(forms.ModelChoiceField):
    """A case typed by its number; an unknown number and a case out of reach read the same."""

    def to_python(self, value):
        number = (value or "").strip().upper()
        try:
            return super().to_python(number)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("No case has the number %(n)s.") % {"n": number}, code="invalid_choice"
            ) from None


class PetitionCaseForm(forms.ModelForm):
    """A case as staff register or correct it; the workflow fields change only through actions."""

    received_on = RocDateField(label=_("received on"))

    class Meta:
        model = PetitionCase
        fields = [
            "division",
            "channel",
            "received_on",
            "subject",
            "body",
            "category",
            *PERSONAL_FIELDS,
            "time_limit",
            "repeat_of",
        ]

    def __init__(self, *args, show_personal=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_personal:  # without the permission the fields are neither shown nor changed
            for name in PERSONAL_FIELDS:
                del self.fields[name]
        if self.instance.pk:
            del self.fields["received_on"], self.fields["time_limit"]
        # a record choice (by number), so the view narrows it to the cases the user may change
        self.fields["repeat_of"] = CaseNumberField(
            label=_("repeat of (case number)"),
            queryset=PetitionCase.objects.exclude(pk=self.instance.pk),
            to_field_name="number",
            required=False,
            widget=forms.TextInput(attrs={"maxlength": 20}),
        )
        if self.instance.repeat_of_id:
            self.initial["repeat_of"] = self.instance.repeat_of.number


class PublicSummaryForm(forms.Form):
    """The summary Open311 publishes for a case, written and approved by a clerk."""

    public_summary = forms.CharField(
        label=_("public summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
        help_text=_(
            "Published on Open311 once saved: the matter and place in general terms, without "
            "names, phone numbers, addresses or anything else that identifies the petitioner. "
            "Leave empty to publish nothing."
        ),
    )


class PurposeForm(forms.Form):
    """Why a member of staff opens a petitioner's details: asked before they are shown, kept
    with the access (個資法: who, when, why)."""

    purpose = forms.CharField(
        label=_("purpose of use"),
        max_length=200,
        help_text=_("e.g. calling the petitioner back about the reply"),
    )


class ActionForm(forms.Form):
    """One workflow action with what it needs (the service checks which fields are required)."""

    action = forms.ChoiceField(label=_("action"), choices=EventAction.choices)
    agency = forms.ModelChoiceField(
        label=_("competent agency"), queryset=Agency.objects.filter(active=True), required=False
    )
    days = forms.IntegerField(label=_("working days to add"), min_value=1, required=False)
    reason = forms.CharField(label=_("reason"), max_length=300, required=False)
    petitioner_told = forms.BooleanField(label=_("petitioner told"), required=False)
    decline_reason = forms.ChoiceField(
        label=_("reason not handled"), choices=[("", "—"), *DeclineReason.choices], required=False
    )
    reply = forms.CharField(label=_("reply"), widget=forms.Textarea, required=False)
    satisfaction = forms.ChoiceField(
        label=_("satisfaction"), choices=[("", "—"), *Satisfaction.choices], required=False
    )
    note = forms.CharField(label=_("note"), max_length=500, required=False)

    def __init__(self, *args, allowed=(), only=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [(a, EventAction(a).label) for a in allowed]
        if only is not None:  # the form of one action: its fields, the action itself hidden
            from .workflow import FIELDS

            self.fields["action"].widget = forms.HiddenInput()
            self.fields["action"].initial = only
            keep = {"action", "note", *FIELDS.get(only, ())}
            for name in [n for n in self.fields if n not in keep]:
                del self.fields[name]

    @classmethod
    def each(cls, allowed) -> list[tuple[str, "ActionForm"]]:
        """One form per allowed action (prefixed, so their ids differ on one page)."""
        return [(a, cls(allowed=allowed, only=a, prefix=f"act-{a}")) for a in allowed]

    def service_data(self) -> dict:
        """The cleaned values in the names `services.act` takes."""
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "", False)}
        data.pop("action", None)
        if self.cleaned_data.get("action") == EventAction.DECLINED:
            data["reason"] = data.pop("decline_reason", "")
        else:
            data.pop("decline_reason", None)
        return data


_CONTACT = contact_widgets()


class PublicPetitionForm(forms.Form):
    """What a citizen fills in on the public form: a telephone number or an e-mail address (or
    both) to reply to. `website` is a honeypot: people never see it, robots fill it in."""

    name = forms.CharField(label=_("Your name"), max_length=100, widget=_CONTACT["name"])
    phone = forms.CharField(
        label=_("Telephone"), max_length=40, required=False, widget=_CONTACT["tel"]
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=150,
        required=False,
        widget=_CONTACT["email"],
        help_text=_("A telephone number or an e-mail address, so that we can reply."),
    )
    address = forms.CharField(
        label=_("Address"), max_length=300, required=False, widget=_CONTACT["address"]
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Your petition"), max_length=5000, widget=forms.Textarea)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "phone", _("Give a telephone number or an e-mail address, so that we can reply.")
            )
        return data

    def contact(self) -> str:
        """The telephone and e-mail as one contact line of the case."""
        return " / ".join(v for v in (self.cleaned_data["phone"], self.cleaned_data["email"]) if v)


class LookupForm(forms.Form):
    """The public status look-up: case number and password."""

    number = forms.CharField(label=_("Case number"), max_length=20)
    password = forms.CharField(label=_("Password"), max_length=50, widget=forms.PasswordInput)


class CollectivePetitionForm(forms.ModelForm):
    date = RocDateField(label=_("date"))

    class Meta:
        model = CollectivePetition
        fields = [
            "division",
            "date",
            "place",
            "group",
            "size",
            "subject",
            "agency",
            "arrived_at",
            "dispersed_at",
        ]
        widgets = {
            "arrived_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "dispersed_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }


class AgencyContactForm(forms.ModelForm):
    class Meta:
        model = AgencyContact
        fields = ["division", "agency", "name", "email"]
