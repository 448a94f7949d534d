"""Importing the agencies' e-document returns from a table (CSV, XLSX, ODS), all or nothing.

One row per agency and period. A row for an agency and period that already has a return
replaces its figures (a corrected file can be imported again); a row whose period overlaps
another return of the agency (a year against its half-years) is refused, as are two rows of
the same agency for overlapping periods. Numbers may be written plainly (27228.5), with
separators (27,228.5) or in 萬 groups (2 萬 7,228.5).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, find_agency

from . import services as svc
from .models import FIGURE_FIELDS, PERIOD_KINDS, SIGNOFF_FIELDS, EDocumentReturn

COLUMNS = ("agency", "period", *FIGURE_FIELDS, "note")
REQUIRED = ("agency", "period", "meetings_total", "e_meetings", "paper_baseline_boxes")
REQUIRED += ("paper_saved_boxes",)
EXAMPLE = ("財政局", "108", "12000", "4300", "56000", "51000", "420", "410", "1500", "90", "")
DECIMAL_FIELDS = ("paper_baseline_boxes", "paper_saved_boxes")


def _label(name: str) -> str:
    return str(EDocumentReturn._meta.get_field(name).verbose_name)


def column_label(name: str) -> str:
    """What a column holds, in the user's language."""
    return _("Period") if name == "period" else _label(name)


def parse_number(name: str, text: str):
    """A figure of the return: an integer (a decimal for the paper boxes), not negative."""
    try:
        value = formats.parse_wan(text, field=_label(name))
    except formats.FormatError as exc:
        raise RowInvalid(str(exc), name) from None
    if value < 0:
        raise RowInvalid(_("%(field)s cannot be negative.") % {"field": _label(name)}, name)
    if name in DECIMAL_FIELDS:
        if value != value.quantize(Decimal("0.1")):
            raise RowInvalid(
                _("%(field)s has at most one decimal place, not “%(v)s”.")
                % {"field": _label(name), "v": text},
                name,
            )
        return value
    if value != value.to_integral():
        raise RowInvalid(
            _("%(field)s must be a whole number, not “%(v)s”.")
            % {"field": _label(name), "v": text},
            name,
        )
    return int(value)


class ReturnImporter:
    """`prepare(row, user)` → an unsaved, checked return; `write(returns)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.spans: dict[int, list] = {}  # agency pk -> [(period, row)] accepted so far
        self.division = None

    def prepare(self, row: dict, user) -> EDocumentReturn:
        for col in REQUIRED:
            if not (row.get(col) or "").strip():
                raise RowInvalid(_("%(col)s is required.") % {"col": self._col(col)}, col)
        if self.division is None:
            self.division = svc.division()
        if not rights.can_add_to(user, self.division.pk):
            raise RowInvalid(_("You may not enter e-document returns."), "agency")
        agency = find_agency(row["agency"])
        try:
            period = formats.Period.parse(row["period"], field=_("Period"))
        except formats.FormatError as exc:
            raise RowInvalid(str(exc), "period") from None
        if period.kind not in PERIOD_KINDS:
            raise RowInvalid(
                _("Period must be a year (e.g. 108) or a half-year (e.g. 108H2), not “%(v)s”.")
                % {"v": row["period"]},
                "period",
            )
        for other, number in self.spans.get(agency.pk, []):
            if other.start <= period.end and period.start <= other.end:
                raise RowInvalid(
                    _("Row %(row)s already has %(agency)s for %(period)s.")
                    % {"row": number, "agency": agency, "period": other.label},
                    "period",
                )
        ret = EDocumentReturn.objects.filter(agency=agency, period=period.code).first()
        if ret is None:
            ret = EDocumentReturn(division=self.division, agency=agency, created_by=user)
        ret.period = period.code
        for name in FIGURE_FIELDS:
            text = (row.get(name) or "").strip()
            if name in SIGNOFF_FIELDS and agency.code == svc.SECRETARIAT:
                setattr(ret, name, None)  # the register counts the secretariat's
                continue
            setattr(ret, name, parse_number(name, text) if text else None)
        ret.note = (row.get("note") or "").strip()
        try:
            ret.full_clean(exclude=["division", "created_by"])
        except ValidationError as exc:
            field = next(iter(exc.message_dict))
            messages = [m for ms in exc.message_dict.values() for m in ms]
            raise RowInvalid(" ".join(messages), "" if field == "__all__" else field) from None
        self.spans.setdefault(agency.pk, []).append((period, row.get("_row")))
        return ret

    @staticmethod
    def _col(name: str) -> str:
        return f"{name}（{column_label(name)}）"

    def write(self, returns: list[EDocumentReturn]) -> int:
        for ret in returns:
            ret.save()
        return len(returns)
