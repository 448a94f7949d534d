"""Dormitory allocation pages: notify an applicant of a room, record the notarised move-in and
the move-out; a room's page shows its dated status history."""

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from mishu.core import permissions as rights
from mishu.core.forms import RocDateField
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from .models import Allocation, FuelLog, Room
from .models.dormitory import AllocationStatus, RoomStatus
from .services import dormitory


class NotifyForm(forms.Form):
    room = forms.ModelChoiceField(Room.objects.none(), label=_("room"))
    notified_on = RocDateField(
        label=_("notified on"),
        initial=timezone.localdate,
        help_text=_(
            "The day the notice goes out (ROC date, e.g. 108/7/1). Dated today, it is e-mailed "
            "to the applicant; an earlier date records a notice already given."
        ),
    )


class MoveInForm(forms.Form):
    moved_in_on = RocDateField(label=_("notarised move-in on"))


class MoveOutForm(forms.Form):
    moved_out_on = RocDateField(label=_("moved out on"))
    move_out_reason = forms.CharField(label=_("reason for moving out"), max_length=200)
    room_handed_back = forms.BooleanField(
        label=_("room handed back"),
        required=False,
        help_text=_("Tick once the keys are returned and the room has been checked."),
    )


class WithdrawForm(forms.Form):
    withdrawn_on = RocDateField(label=_("withdrawn on"))


STEPS = {
    "notify": NotifyForm,
    "move_in": MoveInForm,
    "move_out": MoveOutForm,
    "withdraw": WithdrawForm,
}


class AllocationDetailView(generic.ObjectDetailView):
    """An application with the steps open to it: allocate a room, record the move-in or the
    move-out, or the withdrawal of a pending application."""

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
            if a.status == AllocationStatus.MOVED_IN:
                ctx["move_out_form"] = MoveOutForm()
            if a.status in (AllocationStatus.APPLIED, AllocationStatus.NOTIFIED):
                ctx["withdraw_form"] = WithdrawForm()
        return ctx


class RoomDetailView(generic.ObjectDetailView):
    """A room with its dated status history (the figures of past periods come from it)."""

    model = Room
    template_name = "properties/room_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["status_history"] = (
            ctx["object"].status_history.select_related("allocation").order_by("-since", "-pk")
        )
        return ctx


def _label(form, field: str) -> str:
    """The Chinese name of the field an error is about: the form's, else the model's."""
    if field in form.fields:
        return str(form.fields[field].label)
    try:
        return str(Allocation._meta.get_field(field).verbose_name)
    except FieldDoesNotExist:  # a non-field error ("__all__")
        return gettext("Error")


class AllocationStepView(generic.ModelViewMixin, View):
    """POST `step=notify` (room, notified_on), `step=move_in` (moved_in_on), `step=move_out`
    (moved_out_on, move_out_reason, room_handed_back) or `step=withdraw` (withdrawn_on)."""

    model = Allocation
    action = rights.CHANGE

    def post(self, request, pk):
        allocation = self.get_object()
        if not rights.can(request.user, rights.CHANGE, allocation):
            raise PermissionDenied
        step = request.POST.get("step")
        if step not in STEPS:
            messages.error(request, gettext("Unknown step."))
            return redirect(allocation.get_absolute_url())
        form = STEPS[step](request.POST)
        if step == "notify":
            form.fields["room"].queryset = Room.objects.restrict(request.user, rights.CHANGE)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors)
            data = form.cleaned_data
            if step == "notify":
                dormitory.notify(allocation, data["room"], data["notified_on"])
            elif step == "move_in":
                dormitory.move_in(allocation, data["moved_in_on"])
            elif step == "withdraw":
                dormitory.withdraw(allocation, data["withdrawn_on"])
            else:
                dormitory.move_out(
                    allocation,
                    data["moved_out_on"],
                    data["move_out_reason"],
                    data["room_handed_back"],
                )
            messages.success(request, gettext("Saved: %(obj)s") % {"obj": allocation})
            if step == "notify" and dormitory.will_email(allocation):
                messages.info(
                    request,
                    gettext("The notice is e-mailed to %(to)s.")
                    % {"to": allocation.applicant_email},
                )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                label = _label(form, field)
                for error in errors:
                    messages.error(request, f"{label}：{error}")
        return redirect(allocation.get_absolute_url())


class FuelLogImportView(ObjectImportView):
    """Upload fuel logs; nothing is written if a row is bad, and every bad row is listed."""

    model = FuelLog

    def dispatch(self, request, *args, **kwargs):
        from .importing import FuelLogImporter

        self.importer = FuelLogImporter()  # one per upload: it remembers the file's rows
        return super().dispatch(request, *args, **kwargs)
