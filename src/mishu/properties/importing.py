"""Importing vehicles' fuel logs from a table (CSV, XLSX, ODS), all or nothing.

One row per refuelling: the plate, the date, the litres, the fuel type (汽油 / 柴油, or empty
for the vehicle's own) and optionally the amount paid. A row naming an unknown plate, giving no
or negative litres, or repeating a log already recorded (or an earlier row of the file) is
rejected, and then nothing is written.
"""

from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core.imports import (
    RowInvalid,
    cell_date,
    cell_decimal,
    checked,
    references,
    require,
)

from .models import FuelLog, Vehicle
from .models.fleet import FuelType

COLUMNS = ("vehicle", "date", "litres", "fuel_type", "amount")
REQUIRED = ("vehicle", "date", "litres")
EXAMPLE = ("ABC-1234", "108/7/10", "45.20", "汽油", "1300")
FUEL_NAMES = {"汽油": FuelType.GASOLINE, "柴油": FuelType.DIESEL}


def _fuel_type(text: str, vehicle: Vehicle) -> str:
    text = text.strip()
    if not text:
        return vehicle.fuel_type
    for code, label in FuelType.choices:
        if text.lower() in (code, str(label).lower()):
            return code
    if text in FUEL_NAMES:
        return FUEL_NAMES[text]
    raise RowInvalid(_("Unknown fuel type “%(v)s”.") % {"v": text}, "fuel_type")


class FuelLogImporter:
    """`prepare(row, user)` → an unsaved, checked FuelLog; `write(logs)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.seen = set()  # (vehicle pk, date, litres) of the rows accepted so far

    def prepare(self, row: dict, user) -> FuelLog:
        require(row, REQUIRED)
        plate = row["vehicle"].strip()
        # another division's vehicle is as unknown as one that does not exist
        vehicle = references(Vehicle, user).filter(plate__iexact=plate).first()
        if vehicle is None:
            raise RowInvalid(_("Unknown plate number “%(v)s”.") % {"v": plate}, "vehicle")
        date = cell_date(row, "date")
        litres = cell_decimal(row, "litres")
        if litres <= 0:
            raise RowInvalid(_("The litres must be more than zero."), "litres")
        amount = cell_decimal(row, "amount")
        if amount is not None and amount < 0:
            raise RowInvalid(_("amount cannot be negative."), "amount")
        key = (vehicle.pk, date, litres)
        if (
            key in self.seen
            or FuelLog.objects.filter(vehicle=vehicle, date=date, litres=litres).exists()
        ):
            raise RowInvalid(
                _("%(v)s already has a log of %(l)s litres on %(d)s.")
                % {"v": vehicle, "l": litres, "d": formats.format_date(date)},
                "date",
            )
        log = checked(
            FuelLog(
                division=vehicle.division,
                vehicle=vehicle,
                date=date,
                litres=litres,
                fuel_type=_fuel_type(row.get("fuel_type") or "", vehicle),
                amount=amount,
                created_by=user,
            )
        )
        self.seen.add(key)
        return log

    def write(self, logs: list[FuelLog]) -> int:
        """Save the logs one by one, so that each is in the change log."""
        for log in logs:
            log.save()
        return len(logs)
