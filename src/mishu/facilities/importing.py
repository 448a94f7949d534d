"""Importing monthly meter readings from a table (CSV, XLSX, ODS), all or nothing.

Readings depend on the previous month's, also when that one is in the same file: one
`ReadingImporter` is made per upload and remembers, per meter, the last reading it accepted, so
a file of several months in order is checked as a whole before anything is written.
"""

import re
from decimal import Decimal, InvalidOperation

from django.db.models import Q
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid

from .models import Meter, MeterReading
from .services.energy import save_reading

COLUMNS = ("meter", "month", "reading", "meter_changed")
REQUIRED = ("meter", "month", "reading")
EXAMPLE = ("市政大樓總電表", "108-07", "1234567", "")
YES = {"1", "yes", "true", "y", "是", "v"}


def parse_month(text: str):
    """`108-07`, `2019-07`, `108/7/1`, `108 年 7 月 1 日`: the first day of that month."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{2,4}-\d{1,2}", text):
            return formats.Period.parse(text, field="month").start
        return formats.parse_date(text, field="month").replace(day=1)
    except formats.FormatError as exc:
        raise RowInvalid(str(exc), "month") from exc


class ReadingImporter:
    """`prepare(row, user)` → an unsaved, checked MeterReading; `write(readings)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.last = {}  # meter pk -> (month, reading) of the last row accepted
        self.seen = set()

    def prepare(self, row: dict, user) -> MeterReading:
        for col in REQUIRED:
            if not (row.get(col) or "").strip():
                raise RowInvalid(_("%(col)s is required.") % {"col": col}, col)
        name = row["meter"].strip()
        meter = Meter.objects.filter(Q(name=name) | Q(number=name)).first()
        if meter is None:
            raise RowInvalid(_("Unknown meter “%(v)s”.") % {"v": name}, "meter")
        if not rights.can_add_to(user, meter.division_id):
            raise RowInvalid(_("You may not add readings of %(m)s.") % {"m": meter}, "meter")
        month = parse_month(row["month"])
        try:
            reading = Decimal(row["reading"].replace(",", "").strip())
        except InvalidOperation:
            raise RowInvalid(
                _("reading must be a number, not “%(v)s”.") % {"v": row["reading"]}, "reading"
            ) from None
        if reading < 0:
            raise RowInvalid(_("reading cannot be negative."), "reading")
        changed = (row.get("meter_changed") or "").strip().lower() in YES
        if (meter.pk, month) in self.seen or MeterReading.objects.filter(
            meter=meter, month=month
        ).exists():
            raise RowInvalid(
                _("%(m)s already has a reading for %(month)s.")
                % {"m": meter, "month": f"{month:%Y-%m}"},
                "month",
            )
        prev = self.last.get(meter.pk)
        if prev is None or prev[0] > month:
            db = (
                MeterReading.objects.filter(meter=meter, month__lt=month).order_by("-month").first()
            )
            prev = (db.month, db.reading) if db else None
        if prev and reading < prev[1] and not changed:
            raise RowInvalid(
                _(
                    "The reading %(new)s is lower than the previous one (%(old)s, %(month)s); "
                    "mark it as a meter change if the meter was replaced."
                )
                % {"new": reading, "old": prev[1], "month": f"{prev[0]:%Y-%m}"},
                "reading",
            )
        self.seen.add((meter.pk, month))
        if prev is None or month > prev[0]:
            self.last[meter.pk] = (month, reading)
        return MeterReading(
            division=meter.division,
            meter=meter,
            month=month,
            reading=reading,
            meter_changed=changed,
            created_by=user,
        )

    def write(self, readings: list[MeterReading]) -> int:
        """Save in month order (each through the service, so usage and the log follow)."""
        for reading in sorted(readings, key=lambda r: (r.meter_id, r.month)):
            save_reading(reading)
        return len(readings)
