"""Dormitory allocation pages: notify an applicant of a room, record the notarised move-in."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from mishu.core import permissions as rights
from mishu.core.forms import RocDateField
from mishu.core.views import generic

from .models import Allocation, Room
from .models.dormitory import AllocationStatus, RoomStatus
from .services import dormitory


class NotifyForm(forms.Form):
    room = forms.ModelChoiceField(Room.objects.none(), label=_("room"))
    notified_on = RocDateField(label=_("notified on"))


class MoveInForm(forms.Form):
    moved_in_on = RocDateField(label=_("notarised move-in on"))


class AllocationDetailView(generic.ObjectDetailView):
    """An application with the step open to it: allocate a room, or record the move-in."""

    model = Allocation
    template_name = "properties/allocation_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        a = ctx["object"]
        if rights.can(self.request.user, rights.CHANGE, a):
            if (
                a.status in (AllocationStatus.APPLIED, AllocationStatus.NOTIFIED)
                and not a.moved_in_on
            ):
                form = NotifyForm()
                form.fields["room"].queryset = Room.objects.restrict(
                    self.request.user, rights.CHANGE
                ).filter(status=RoomStatus.VACANT)
                ctx["notify_form"] = form if a.status == AllocationStatus.APPLIED else None
            if a.status == AllocationStatus.NOTIFIED:
                ctx["move_in_form"] = MoveInForm()
        return ctx


class AllocationStepView(generic.ModelViewMixin, View):
    """POST `step=notify` (room, notified_on) or `step=move_in` (moved_in_on)."""

    model = Allocation
    action = rights.CHANGE

    def post(self, request, pk):
        allocation = self.get_object()
        if not rights.can(request.user, rights.CHANGE, allocation):
            raise PermissionDenied
        step = request.POST.get("step")
        if step == "notify":
            form = NotifyForm(request.POST)
            form.fields["room"].queryset = Room.objects.restrict(request.user, rights.CHANGE)
        elif step == "move_in":
            form = MoveInForm(request.POST)
        else:
            messages.error(request, gettext("Unknown step."))
            return redirect(allocation.get_absolute_url())
        try:
            if not form.is_valid():
                raise ValidationError(form.errors)
            if step == "notify":
                dormitory.notify(
                    allocation, form.cleaned_data["room"], form.cleaned_data["notified_on"]
                )
            else:
                dormitory.move_in(allocation, form.cleaned_data["moved_in_on"])
            messages.success(request, gettext("Saved: %(obj)s") % {"obj": allocation})
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                label = form.fields[field].label if field in form.fields else field
                for error in errors:
                    messages.error(request, f"{label}：{error}")
        return redirect(allocation.get_absolute_url())
