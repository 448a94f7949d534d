"""The strategy map as a table: one row per KPI with its objective, for import and export.

Columns `objective_code,objective_name,objective_name_en,kpi_code,kpi_name,kpi_name_en,
indicator_code,direction,target,unit,weight,year` (docs/report-spine.md). Through the one import
path (core.imports): every row checked first, nothing written unless all are valid, the writes
attributed to the importing user. A target may be written as a percent (95%).
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core.imports import RowInvalid, require, run_import
from mishu.indicators import registry

from .choices import Direction
from .models import KPI, Objective

COLUMNS = (
    "objective_code",
    "objective_name",
    "objective_name_en",
    "kpi_code",
    "kpi_name",
    "kpi_name_en",
    "indicator_code",
    "direction",
    "target",
    "unit",
    "weight",
    "year",
)
REQUIRED = ("objective_code", "kpi_code", "indicator_code", "target", "year")
EXAMPLE = [
    "dormitory",
    "優化職舍環境",
    "Better staff dormitories",
    "dormitory.inspection_forms",
    "填報環境巡檢表次數",
    "Environment inspection forms filed",
    "dormitory.inspection_forms",
    "higher",
    "190",
    "次",
    "1",
    "109",
]


def _text(row, col) -> str:
    return str(row.get(col) or "").strip()


def _number(row, col, default=None) -> Decimal:
    text = _text(row, col).replace(",", "")
    if not text and default is not None:
        return default
    try:
        if text.endswith("%"):
            return formats.parse_percent(text, field=col)
        return Decimal(text)
    except (InvalidOperation, formats.FormatError):
        raise RowInvalid(
            _("%(col)s must be a number (or a percent such as 95%%), not “%(v)s”.")
            % {"col": col, "v": text},
            col,
        ) from None


def prepare(row: dict, user=None) -> dict:
    """One row checked and read; RowInvalid naming the column at fault."""
    require(row, REQUIRED)
    try:
        year = int(_text(row, "year"))
    except ValueError:
        year = 0
    if not 1 <= year <= 300:
        raise RowInvalid(_("year must be an ROC year such as 109."), "year")
    direction = _text(row, "direction") or Direction.HIGHER
    if direction not in Direction.values:
        raise RowInvalid(_("direction must be higher or lower."), "direction")
    code = _text(row, "indicator_code")
    try:
        registry.get(code)
    except registry.UnknownIndicator:
        raise RowInvalid(_("Unknown indicator “%(c)s”.") % {"c": code}, "indicator_code") from None
    weight = _number(row, "weight", Decimal(1))
    if weight <= 0:
        raise RowInvalid(_("The weight must be greater than zero."), "weight")
    return {
        "year": year,
        "objective": {
            "code": _text(row, "objective_code"),
            "name": _text(row, "objective_name") or _text(row, "objective_code"),
            "name_en": _text(row, "objective_name_en"),
        },
        "kpi": {
            "code": _text(row, "kpi_code"),
            "name": _text(row, "kpi_name") or _text(row, "kpi_code"),
            "name_en": _text(row, "kpi_name_en"),
            "indicator_code": code,
            "direction": direction,
            "target": _number(row, "target"),
            "unit": _text(row, "unit"),
            "weight": weight,
        },
    }


def write(prepared: list[dict]) -> int:
    """Create or update the objectives and KPIs (by code and year), one save each (logged)."""
    for item in prepared:
        year, o = item["year"], item["objective"]
        objective = Objective.objects.filter(code=o["code"], year=year).first()
        if objective is None:
            objective = Objective(
                code=o["code"], year=year, order=Objective.objects.filter(year=year).count()
            )
        if (objective.name, objective.name_en) != (o["name"], o["name_en"]) or not objective.pk:
            objective.name, objective.name_en = o["name"], o["name_en"]
            objective.save()
        k = item["kpi"]
        kpi = KPI.objects.filter(code=k["code"], year=year).first() or KPI(
            code=k["code"], year=year
        )
        kpi.objective = objective
        for name, value in k.items():
            setattr(kpi, name, value)
        kpi.save()
    return len(prepared)


def import_rows(rows: list[dict], user=None):
    """Import rows (dicts with `_row`, as core.imports.read_table gives them): an ImportResult."""
    return run_import(rows, lambda row: prepare(row, user), write, user=user)


def export_rows(year: int) -> list[list]:
    """The strategy map of a year as rows of COLUMNS (what an import reads back)."""
    out = []
    for kpi in KPI.objects.filter(year=year).select_related("objective"):
        o = kpi.objective
        target = kpi.target.normalize()
        out.append(
            [
                o.code,
                o.name,
                o.name_en,
                kpi.code,
                kpi.name,
                kpi.name_en,
                kpi.indicator_code,
                kpi.direction,
                f"{(target * 100).normalize():f}%" if kpi.unit == "%" else f"{target:f}",
                kpi.unit,
                f"{kpi.weight.normalize():f}",
                year,
            ]
        )
    return out
