from django import forms
from django.utils.translation import gettext_lazy as _

from mishu.core.forms import RocDateField

from . import models
from .choices import CounterCategory


def _form(model, *fields):
    """A ModelForm for `model` with an ROC date field."""
    attrs = {"Meta": type("Meta", (), {"model": model, "fields": ["division", *fields]})}
    if "date" in fields:
        attrs["date"] = RocDateField(label=_("date"))
    if "opened_on" in fields:
        attrs["opened_on"] = RocDateField(label=_("opened on"))
        attrs["closed_on"] = RocDateField(label=_("closed on"), required=False)
    return type(f"{model.__name__}Form", (forms.ModelForm,), attrs)


CounterContactForm = _form(models.CounterContact, "date", "category", "count")
CoordinatedPetitionForm = _form(models.CoordinatedPetition, "date", "kind", "count", "subject")
ProfessionalConsultationForm = _form(
    models.ProfessionalConsultation, "date", "field", "count", "adviser"
)
VolunteerServiceForm = _form(
    models.VolunteerService, "date", "persons_served", "leaflets", "trainings", "awards", "note"
)
NursingRoomForm = _form(models.NursingRoom, "name", "location", "opened_on", "closed_on")
NursingRoomUseForm = _form(models.NursingRoomUse, "date", "room", "count")


class TallyForm(forms.Form):
    """One click on the counter's tally screen."""

    category = forms.ChoiceField(label=_("category"), choices=CounterCategory.choices)
    undo = forms.BooleanField(required=False)
