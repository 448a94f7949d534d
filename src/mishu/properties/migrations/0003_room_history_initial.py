"""An initial status-history row per existing room: its current status, dated from the day that
status began as far as the allocations tell (the move-in of a lent room, the notice of a room
under application, the last move-out of a vacant one), else from the day the room was entered."""

from django.db import migrations

LENT, APPLYING, VACANT = "已提供借用", "申請配借中", "空置"


def _evidence(room, Allocation):
    allocations = Allocation.objects.filter(room=room)
    if room.status == LENT:
        a = allocations.filter(moved_in_on__isnull=False, moved_out_on__isnull=True)
        a = a.order_by("-moved_in_on").first()
        return (a.moved_in_on, a) if a else (None, None)
    if room.status == APPLYING:
        a = allocations.filter(notified_on__isnull=False, moved_in_on__isnull=True)
        a = a.order_by("-notified_on").first()
        return (a.notified_on, a) if a else (None, None)
    a = allocations.filter(moved_out_on__isnull=False).order_by("-moved_out_on").first()
    return (a.moved_out_on, a) if a else (None, None)


def forwards(apps, schema_editor):
    Room = apps.get_model("properties", "Room")
    Allocation = apps.get_model("properties", "Allocation")
    RoomStatusChange = apps.get_model("properties", "RoomStatusChange")
    rows = []
    for room in Room.objects.filter(status_history__isnull=True).iterator():
        since, allocation = _evidence(room, Allocation)
        rows.append(
            RoomStatusChange(
                room=room,
                since=since or room.created.date(),
                status=room.status,
                allocation=allocation,
            )
        )
    RoomStatusChange.objects.bulk_create(rows, batch_size=500)


def backwards(apps, schema_editor):
    pass  # the history table is dropped with the previous migration's reversal


class Migration(migrations.Migration):
    dependencies = [("properties", "0002_room_history_move_out")]

    operations = [migrations.RunPython(forwards, backwards)]
