"""Dormitory allocation: notify an applicant of a room, record the notarised move-in, record the
move-out. Each step validates the dates, keeps the room's status and its dated history in step
(the status counts from the step's own date), and writes in one transaction.

The notice of allocation is e-mailed to the applicant once the allocation is committed; the
notification date is the day the notice goes out, so it is never later than today."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Allocation, Room
from ..models.dormitory import AllocationStatus, RoomStatus


def _save(
    allocation: Allocation, room: Room | None = None, room_status: str = "", since=None
) -> Allocation:
    try:
        allocation.full_clean()
    except ValidationError:
        if allocation.pk:
            allocation.refresh_from_db()  # the refused step leaves the record as it was
        raise
    with transaction.atomic():
        allocation.save()
        if room is not None and room_status:
            room.status = room_status
            room.save(
                update_fields=["status", "last_updated"],
                status_since=since,
                status_allocation=allocation,
            )
    return allocation


def _not_future(field: str, day: datetime.date, message: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: message})


def notify(allocation: Allocation, room: Room, notified_on: datetime.date) -> Allocation:
    """Allocate `room` to the applicant, notified on `notified_on` (at the latest today); the
    room is then under application until the move-in. If the notice goes out today and the
    applicant has an e-mail address, it is e-mailed after the commit."""
    if allocation.status not in (AllocationStatus.APPLIED, AllocationStatus.NOTIFIED):
        raise ValidationError({"status": _("Only a pending application can be allocated a room.")})
    _not_future("notified_on", notified_on, _("The notification cannot be after today."))
    busy = room.status == RoomStatus.LENT or (
        Allocation.objects.filter(room=room, status=AllocationStatus.NOTIFIED)
        .exclude(pk=allocation.pk)
        .exists()
    )
    if busy:
        raise ValidationError({"room": _("Room %(room)s is not free.") % {"room": room}})
    allocation.room = room
    allocation.notified_on = notified_on
    allocation.status = AllocationStatus.NOTIFIED
    _save(allocation, room, RoomStatus.APPLYING, notified_on)
    if will_email(allocation):
        from ..tasks import send_allocation_notice

        pk = allocation.pk
        transaction.on_commit(lambda: send_allocation_notice.delay(pk))
    return allocation


def will_email(allocation: Allocation) -> bool:
    """Whether the notice of `allocation` goes out by e-mail: it has an address and the notice
    is dated today (an earlier date records a notice already given by other means)."""
    return bool(allocation.applicant_email) and allocation.notified_on == timezone.localdate()


def move_in(allocation: Allocation, moved_in_on: datetime.date) -> Allocation:
    """Record the notarised move-in; the room is lent from then on."""
    if allocation.status != AllocationStatus.NOTIFIED or allocation.room_id is None:
        raise ValidationError({"status": _("Allocate a room and notify the applicant first.")})
    allocation.moved_in_on = moved_in_on
    allocation.status = AllocationStatus.MOVED_IN
    return _save(allocation, allocation.room, RoomStatus.LENT, moved_in_on)


def move_out(
    allocation: Allocation, moved_out_on: datetime.date, reason: str, handed_back: bool
) -> Allocation:
    """End a stay on `moved_out_on` (at the latest today) for `reason`, once the room has been
    handed back; the room is vacant from that day."""
    if allocation.status != AllocationStatus.MOVED_IN or allocation.room_id is None:
        raise ValidationError({"status": _("Only a resident can move out.")})
    errors = {}
    if not (reason or "").strip():
        errors["move_out_reason"] = _("Give the reason for moving out.")
    if not handed_back:
        errors["room_handed_back"] = _(
            "The room must be handed back before the move-out is recorded."
        )
    if moved_out_on > timezone.localdate():
        errors["moved_out_on"] = _("The move-out cannot be after today.")
    if errors:
        raise ValidationError(errors)
    allocation.moved_out_on = moved_out_on
    allocation.move_out_reason = reason.strip()
    allocation.room_handed_back = True
    allocation.status = AllocationStatus.ENDED
    return _save(allocation, allocation.room, RoomStatus.VACANT, moved_out_on)


def withdraw(allocation: Allocation, withdrawn_on: datetime.date) -> Allocation:
    """The applicant withdraws before moving in; a room already allocated is vacant again
    from `withdrawn_on` (not before its notice, at the latest today)."""
    if allocation.status not in (AllocationStatus.APPLIED, AllocationStatus.NOTIFIED):
        raise ValidationError({"status": _("Only a pending application can be withdrawn.")})
    if withdrawn_on > timezone.localdate():
        raise ValidationError({"withdrawn_on": _("The withdrawal cannot be after today.")})
    if allocation.notified_on and withdrawn_on < allocation.notified_on:
        raise ValidationError(
            {"withdrawn_on": _("The withdrawal cannot be before the notification.")}
        )
    room = allocation.room if allocation.status == AllocationStatus.NOTIFIED else None
    allocation.status = AllocationStatus.WITHDRAWN
    return _save(allocation, room, RoomStatus.VACANT if room else "", withdrawn_on)
