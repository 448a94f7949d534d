"""The room form: a room's status entered with the day it holds from."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core.crud import _formfield
from mishu.core.forms import RocDateField

from .models import Room


class RoomForm(forms.ModelForm):
    """A room and its status, recorded in the dated history from `status_since` (today when
    left empty): a room entered today that stood vacant for years is counted by past periods'
    `dormitory.rooms` only when its status is dated so."""

    status_since = RocDateField(
        label=_("status since"),
        required=False,
        help_text=_(
            "The day the room has had this status (ROC date, e.g. 105/1/4); leave empty for "
            "today. Date an existing room's status from when it began, so that past periods "
            "count the room."
        ),
    )

    class Meta:
        model = Room
        fields = ["division", "building", "number", "status"]
        formfield_callback = _formfield

    def clean_status_since(self):
        day = self.cleaned_data.get("status_since")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The status cannot start after today."))
        return day

    def clean(self):
        data = super().clean()
        day = data.get("status_since")
        if not day or not self.instance.pk:
            return data
        if "status" not in self.changed_data:
            self.add_error("status_since", _("Give the date only with a new status."))
            return data
        last = self.instance.status_history.order_by("-since", "-pk").first()
        if last is not None and day < last.since:
            self.add_error(
                "status_since",
                _(
                    "The room's current status is recorded from %(day)s; a new one cannot "
                    "start before it."
                )
                % {"day": formats.format_date(last.since)},
            )
        return data

    def save(self, commit=True):
        room = super().save(commit=False)
        if commit:
            new_status = not self.instance.pk or "status" in self.changed_data
            since = self.cleaned_data.get("status_since") if new_status else None
            room.save(status_since=since)
            self._save_m2m()
        return room
