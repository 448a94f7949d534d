"""總務組: vehicles and their fuel, the electricity meter, tenders (forms and import pages)."""

from decimal import Decimal

from mishu.building.models import MeterReading
from mishu.core.testing import division
from mishu.procurement.models import TenderCase
from mishu.properties.models import FuelLog

from . import total

FUEL = [
    ("ABC-1001", "109/1/15", "40.50"),
    ("ABC-1001", "109/3/2", "30.25"),
    ("MC-77", "109/6/30", "12"),
]
READINGS = [("108-12", 100000)] + [(f"109-{m:02d}", 100000 + 1500 * m + m * m) for m in range(1, 7)]
TENDERS = [
    ("109A001", "影印機租賃", "公開招標", "500000", "109/1/10", "109/2/20", "480000", "甲公司"),
    ("109A002", "會議室設備", "公開招標", "900000", "109/3/1", "109/4/8", "765400", "乙公司"),
    ("109A003", "清潔勞務", "公開招標", "1200000", "109/5/1", "", "", ""),  # not awarded yet
]
TENDER_COLUMNS = (
    "number",
    "subject",
    "method",
    "budget",
    "published_on",
    "awarded_on",
    "award_amount",
    "vendor",
)


def enter(ctx) -> dict:
    ga = division("general-affairs").pk
    for plate, kind in (("ABC-1001", "汽車"), ("MC-77", "機車")):
        ctx.post(
            "general-affairs",
            "properties:vehicle_add",
            {
                "division": ga,
                "plate": plate,
                "type": kind,
                "fuel_type": "gasoline",
                "acquired_on": "108/1/2",
            },
        )
    ctx.post(
        "general-affairs",
        "building:meter_add",
        {"division": ga, "name": "市政大樓總電表", "kind": "electricity"},
    )
    ctx.upload(
        "general-affairs", "properties:fuellog_import", ("vehicle", "date", "litres"), FUEL, FuelLog
    )
    ctx.upload(
        "general-affairs",
        "building:meterreading_import",
        ("meter", "month", "reading"),
        [("市政大樓總電表", m, str(v)) for m, v in READINGS],
        MeterReading,
    )
    ctx.upload(
        "general-affairs", "procurement:tendercase_import", TENDER_COLUMNS, TENDERS, TenderCase
    )

    awarded = [t for t in TENDERS if t[5]]
    return {
        ("energy.vehicle_fuel_litres", ()): total(v for _p, _d, v in FUEL),
        ("energy.electricity_kwh", ()): Decimal(READINGS[-1][1] - READINGS[0][1]),
        ("procurement.awarded_cases", ()): Decimal(len(awarded)),
        ("procurement.awarded_amount", ()): total(t[6] for t in awarded),
        ("fleet.vehicles", (("type", "汽車"),)): Decimal(1),
        ("fleet.vehicles", (("type", "機車"),)): Decimal(1),
        ("fleet.vehicles", ()): Decimal(2),
    }


def check_report(text: str, expected: dict) -> None:
    assert "本期完成招標案計 2 件" in text
    assert "現有公務汽車 1 輛及機車 1 輛" in text
