"""Importing vehicles' fuel logs from a table (CSV, XLSX, ODS), all or nothing.

One row per refuelling: the plate, the date, the litres, the fuel type (汽油 / 柴油, or empty
for the vehicle's own) and optionally the amount paid. A row naming an unknown plate, giving no
or negative litres, or repeating a log already recorded (or an earlier row of the file) is
rejected, and then nothing is written.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid

from .models import FuelLog, Vehicle
from .models.fleet import FuelType

COLUMNS = ("vehicle", "date", "litres", "fuel_type", "amount")
REQUIRED = ("vehicle", "date", "litres")
EXAMPLE = ("ABC-1234", "108/7/10", "45.20", "汽油", "1300")
FUEL_NAMES = {"汽油": FuelType.GASOLINE, "柴油": FuelType.DIESEL}


def _decimal(row: dict, col: str) -> Decimal | None:
    text = (row.get(col) or "").replace(",", "").strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RowInvalid(
            _("%(col)s must be a number, not “%(v)s”.") % {"col": col, "v": row[col]}, col
        ) from None


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


def _checked(record):
    """`record` after its model's own validation, a RowInvalid naming the first bad field."""
    try:
        record.full_clean()
    except ValidationError as exc:
        col, messages = next(iter(exc.message_dict.items()))
        raise RowInvalid("；".join(messages), col) from exc
    return record


class FuelLogImporter:
    """`prepare(row, user)` → an unsaved, checked FuelLog; `write(logs)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.seen = set()  # (vehicle pk, date, litres) of the rows accepted so far

    def prepare(self, row: dict, user) -> FuelLog:
        for col in REQUIRED:
            if not (row.get(col) or "").strip():
                raise RowInvalid(_("%(col)s is required.") % {"col": col}, col)
        plate = row["vehicle"].strip()
        vehicle = Vehicle.objects.filter(plate__iexact=plate).first()
        if vehicle is None:
            raise RowInvalid(_("Unknown plate number “%(v)s”.") % {"v": plate}, "vehicle")
        if not rights.can_add_to(user, vehicle.division_id):
            raise RowInvalid(_("You may not add fuel logs of %(v)s.") % {"v": vehicle}, "vehicle")
        try:
            date = formats.parse_date(row["date"], field="date")
        except formats.FormatError as exc:
            raise RowInvalid(str(exc), "date") from exc
        litres = _decimal(row, "litres")
        if litres <= 0:
            raise RowInvalid(_("The litres must be more than zero."), "litres")
        amount = _decimal(row, "amount")
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
        log = _checked(
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
