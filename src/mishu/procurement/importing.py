"""Importing tender cases from a table (CSV, XLSX, ODS), all or nothing.

One row per case: number, subject, method (公開招標 / 選擇性招標 / 限制性招標 / 小額採購, or the
code), budget, publication date, award date, award amount and vendor; the division is the
importing clerk's own unless a `division` column names another they may write to. Negative
amounts, an award before the publication, an award without its date, amount or vendor, and a
case number already used are rejected, and then nothing is written.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_date, cell_decimal, checked, require
from mishu.core.models import Division

from .models import Method, TenderCase

COLUMNS = (
    "number",
    "subject",
    "method",
    "budget",
    "published_on",
    "awarded_on",
    "award_amount",
    "vendor",
    "division",
)
REQUIRED = ("subject", "method", "budget")
EXAMPLE = (
    "108A009",
    "公務車輛租賃",
    "公開招標",
    "980000",
    "108/6/24",
    "108/7/19",
    "952300",
    "示範租賃公司",
    "",
)


def _method(text: str) -> str:
    text = text.strip()
    for code, label in Method.choices:
        names = {code, str(label).lower()}
        with translation.override("zh-hant"):
            names.add(str(label))
        if text.lower() in names or text in names:
            return code
    raise RowInvalid(_("Unknown method “%(v)s”.") % {"v": text}, "method")


def _division(row: dict, user):
    name = (row.get("division") or "").strip()
    if name:
        division = (
            Division.objects.filter(code=name).first()
            or Division.objects.filter(short_name=name).first()
        )
        if division is None:
            raise RowInvalid(_("Unknown division “%(v)s”.") % {"v": name}, "division")
    else:
        division = getattr(user, "division", None)
        if division is None:
            raise RowInvalid(_("%(col)s is required.") % {"col": "division"}, "division")
    if not rights.can_add_to(user, division.pk):
        raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
    return division


class TenderImporter:
    """`prepare(row, user)` → an unsaved, checked TenderCase; `write(cases)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.numbers = set()  # (division pk, case number) of the rows accepted so far

    def prepare(self, row: dict, user) -> TenderCase:
        require(row, REQUIRED)
        division = _division(row, user)
        number = (row.get("number") or "").strip()
        if number and (
            (division.pk, number) in self.numbers
            or TenderCase.objects.filter(division=division, number=number).exists()
        ):
            raise RowInvalid(_("Case number %(n)s is already recorded.") % {"n": number}, "number")
        case = checked(
            TenderCase(
                division=division,
                number=number,
                subject=row["subject"].strip(),
                method=_method(row["method"]),
                budget=cell_decimal(row, "budget", negative=False),
                published_on=cell_date(row, "published_on"),
                awarded_on=cell_date(row, "awarded_on"),
                award_amount=cell_decimal(row, "award_amount", negative=False),
                vendor=(row.get("vendor") or "").strip(),
                created_by=user,
            )
        )
        if number:
            self.numbers.add((division.pk, number))
        return case

    def write(self, cases: list[TenderCase]) -> int:
        """Save the cases one by one, so that each is in the change log."""
        for case in cases:
            case.save()
        return len(cases)
