"""Meter readings: a reading is validated against its neighbours and the next month's usage
recomputed, all in one transaction."""

from django.db import transaction

from ..models import MeterReading


def save_reading(reading: MeterReading) -> MeterReading:
    """Validate and save a monthly reading; the following month's usage follows the change.

    Raises ValidationError (naming the field) when the reading is lower than the previous one and
    not marked as a meter change; nothing is written then.
    """
    if reading.month:
        reading.month = reading.month.replace(day=1)
    reading.full_clean()
    with transaction.atomic():
        reading.save()
        nxt = (
            MeterReading.objects.filter(meter_id=reading.meter_id, month__gt=reading.month)
            .order_by("month")
            .first()
        )
        if nxt:
            nxt.save()  # recomputes its usage from this reading
    return reading
