"""Dormitory allocation: notify an applicant of a room, record the notarised move-in, end a stay.
Each step validates the dates, keeps the room's status in step, and writes in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Allocation, Room
from ..models.dormitory import AllocationStatus, RoomStatus


def _save(allocation: Allocation, room: Room | None = None, room_status: str = "") -> Allocation:
    allocation.full_clean()
    with transaction.atomic():
        allocation.save()
        if room is not None and room_status:
            room.status = room_status
            room.save(update_fields=["status", "last_updated"])
    return allocation


def notify(allocation: Allocation, room: Room, notified_on: datetime.date) -> Allocation:
    """Allocate `room` to the applicant, notified on `notified_on`; the room is then under
    application until the move-in."""
    if allocation.status not in (AllocationStatus.APPLIED, AllocationStatus.NOTIFIED):
        raise ValidationError({"status": _("Only a pending application can be allocated a room.")})
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
    return _save(allocation, room, RoomStatus.APPLYING)


def move_in(allocation: Allocation, moved_in_on: datetime.date) -> Allocation:
    """Record the notarised move-in; the room is lent from then on."""
    if allocation.status != AllocationStatus.NOTIFIED or allocation.room_id is None:
        raise ValidationError({"status": _("Allocate a room and notify the applicant first.")})
    allocation.moved_in_on = moved_in_on
    allocation.status = AllocationStatus.MOVED_IN
    return _save(allocation, allocation.room, RoomStatus.LENT)


def move_out(allocation: Allocation, moved_out_on: datetime.date) -> Allocation:
    """End a stay; the room becomes vacant."""
    if allocation.status != AllocationStatus.MOVED_IN:
        raise ValidationError({"status": _("Only a resident can move out.")})
    allocation.moved_out_on = moved_out_on
    allocation.status = AllocationStatus.ENDED
    return _save(allocation, allocation.room, RoomStatus.VACANT)
