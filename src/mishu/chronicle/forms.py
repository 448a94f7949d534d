from django import forms

from mishu.core.forms import RocDateField

from .models import Event


class EventForm(forms.ModelForm):
    start_date = RocDateField(label=Event._meta.get_field("start_date").verbose_name)
    end_date = RocDateField(label=Event._meta.get_field("end_date").verbose_name, required=False)

    class Meta:
        model = Event
        fields = list(Event.ENTERED_FIELDS)
