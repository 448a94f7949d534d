"""Observation import: validate every row, write nothing unless all are valid (the template a
division downloads is built in `template.py`).

File columns: `code,label,unit,period,cell,value,note,source` (label and unit are only there to
help whoever fills the template in; the contract's `code,period,cell,value,note,source` works as
well). The template's header is written in the user's language (指標代碼, 指標名稱 ...); either
header is read. Rows without a value are skipped and counted. See docs/import-observations.md.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.audit import audit_context
from mishu.core.choices import ChangeSource
from mishu.core.tabular import TableError, read_dicts

from .cells import CellError, cell_key, parse_cell
from .models import Observation, ObservedIndicator

TEMPLATE_HEADER = ["code", "label", "unit", "period", "cell", "value", "note", "source"]
# what the template's header says, in the user's language
HEADER_LABELS = {
    "code": _("Indicator code"),
    "label": _("Indicator name"),
    "unit": _("Unit of measure"),
    "period": _("Reporting period"),
    "cell": _("Breakdown (cell)"),
    "value": _("Value to report"),
    "note": _("Remarks"),
    "source": _("Data source"),
}
REQUIRED = {"code", "value"}
MAX_VALUE = Decimal(10) ** 16


@dataclass(frozen=True)
class RowError:
    """One rejected row: its spreadsheet row number (header = 1), its code and why."""

    row: int
    code: str
    message: str


@dataclass
class ImportResult:
    """`ok` when every row was valid and written; otherwise nothing was written."""

    ok: bool
    errors: list[RowError] = field(default_factory=list)
    written: int = 0
    skipped: int = 0  # blank rows and rows without a value


@dataclass
class CheckedRows:
    """What `check_rows` found: the valid rows, the rejected ones and how many were skipped."""

    valid: list
    errors: list[RowError]
    skipped: int


def _blank_rows_between(numbered) -> int:
    """The blank rows the reader left out above the last row it read (the first is row 2)."""
    return numbered[-1][0] - 1 - len(numbered) if numbered else 0


def template_header() -> list[str]:
    """The template's header row in the active language."""
    return [str(HEADER_LABELS[key]) for key in TEMPLATE_HEADER]


def _header_names() -> dict[str, str]:
    """Every name a column may have (the key, or its label in any language) → its key."""
    names = {key: key for key in TEMPLATE_HEADER}
    for language in ("zh-hant", "en"):
        with translation.override(language):
            names.update({str(label).strip().lower(): key for key, label in HEADER_LABELS.items()})
    return names


def canonical_columns(numbered_rows):
    """The rows with their columns renamed to the keys (`code`, `value` ...), whichever header
    the file has."""
    names = _header_names()
    return [
        (n, {names.get(str(k or "").strip().lower(), k): v for k, v in row.items()})
        for n, row in numbered_rows
    ]


@dataclass
class _Row:
    number: int
    indicator: ObservedIndicator
    period: str
    cell: dict
    value: Decimal | None
    note: str
    source: str


def parse_value(text) -> Decimal:
    """A number as people type it: `1234`, `1,234`, `1,151 萬 9,200`, `92.39%` (a ratio)."""
    text = str(text).strip()
    if text.endswith(("%", "％")):
        return formats.parse_percent(text)
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return formats.parse_wan(text)


def _check_value(ind: ObservedIndicator, text: str) -> Decimal:
    try:
        value = parse_value(text)
    except formats.FormatError:
        raise ValueError(
            _("“%(v)s” is not a number; write e.g. 1234, 1,234, 1,151 萬 9,200 or 92.39%%.")
            % {"v": text}
        ) from None
    if not value.is_finite() or abs(value) >= MAX_VALUE:
        raise ValueError(_("“%(v)s” is too large.") % {"v": text})
    if value != value.quantize(Decimal("0.0001")):
        raise ValueError(_("“%(v)s” has more than 4 decimals.") % {"v": text})
    if value < 0 and not ind.allow_negative:
        raise ValueError(_("%(code)s cannot be negative (%(v)s).") % {"code": ind.code, "v": text})
    return value


def validate_rows(numbered_rows, period=None, user=None, keep_blank=False):
    """Check numbered rows `(number, {column: text})`; returns (valid rows, errors).

    `period` (a Period or code) is the period every row must be for; a blank period means it.
    Rows with a blank value are skipped, or kept with value None when `keep_blank`.
    """
    checked = check_rows(numbered_rows, period, user, keep_blank)
    return checked.valid, checked.errors


def check_rows(numbered_rows, period=None, user=None, keep_blank=False) -> CheckedRows:
    """`validate_rows`, also counting the rows skipped: blank ones, and (unless `keep_blank`)
    those without a value, whatever else they say (a template's untouched rows)."""
    if period is not None and not isinstance(period, formats.Period):
        period = formats.Period.parse(str(period))
    indicators = {i.code: i for i in ObservedIndicator.objects.select_related("division")}
    from . import registry

    valid, errors, seen, skipped = [], [], {}, 0
    for number, raw in numbered_rows:
        code = (raw.get("code") or "").strip()

        def reject(message, number=number, code=code):
            errors.append(RowError(number, code, str(message)))

        value_text = (raw.get("value") or "").strip()
        if not value_text and (not code or not keep_blank):
            skipped += 1
            continue
        if not code:
            reject(_("The code is missing."))
            continue
        ind = indicators.get(code)
        if ind is None:
            reject(
                _("Computed indicator “%(code)s” cannot be entered; it comes from records.")
                % {"code": code}
                if code in registry._COMPUTED
                else _("Unknown indicator code “%(code)s”.") % {"code": code}
            )
            continue
        if user is not None and not rights.can_add_to(user, ind.division_id):
            reject(
                _(
                    "%(code)s is an indicator of %(div)s: you may import only your own "
                    "division's indicators. Delete this row or ask %(div)s to report it."
                )
                % {"code": code, "div": ind.division}
            )
            continue
        period_text = (raw.get("period") or "").strip()
        if not period_text and period is None:
            reject(_("The period is missing."))
            continue
        try:
            row_period = formats.Period.parse(period_text) if period_text else period
        except formats.FormatError:
            reject(
                _("“%(p)s” is not a period; write e.g. 108H2, 108Q3, 108-07 or 108.")
                % {"p": period_text}
            )
            continue
        if period is not None and row_period != period:
            reject(
                _(
                    "This row is for %(p)s (%(p_code)s), but the period chosen on this page is "
                    "%(chosen)s (%(chosen_code)s). Correct the period in the file or choose "
                    "%(p)s on this page."
                )
                % {
                    "p": row_period.label,
                    "p_code": row_period.code,
                    "chosen": period.label,
                    "chosen_code": period.code,
                }
            )
            continue
        try:
            cell = parse_cell(raw.get("cell"), ind.dimensions or [])
        except CellError as exc:
            reject(exc.message)
            continue
        value = None
        if value_text:
            try:
                value = _check_value(ind, value_text)
            except ValueError as exc:
                reject(exc)
                continue
        key = (code, row_period.code, cell_key(cell))
        if key in seen:
            reject(
                _("The same indicator, period and cell is already on row %(n)s.") % {"n": seen[key]}
            )
            continue
        seen[key] = number
        valid.append(
            _Row(
                number,
                ind,
                row_period.code,
                cell,
                value,
                (raw.get("note") or "").strip()[:300],
                (raw.get("source") or "").strip()[:200],
            )
        )
    errors += _contradicting_totals(valid)
    errors.sort(key=lambda e: e.row)
    return CheckedRows(valid, errors, skipped)


def _contradicting_totals(rows: list[_Row]) -> list[RowError]:
    """A plain (total) row whose value differs from the sum of the same file's full cells."""
    groups: dict[tuple, dict] = {}
    for r in rows:
        if r.value is None or r.indicator.kind not in ("count", "amount"):
            continue
        g = groups.setdefault((r.indicator.code, r.period), {"total": None, "parts": []})
        dims = set(r.indicator.dimensions or ())
        if not r.cell:
            g["total"] = r
        elif set(r.cell) == dims:
            g["parts"].append(r.value)
    errors = []
    for (code, _p), g in groups.items():
        total = g["total"]
        if total is not None and g["parts"] and sum(g["parts"], Decimal(0)) != total.value:
            errors.append(
                RowError(
                    total.number,
                    code,
                    str(
                        _(
                            "The total %(total)s does not match the sum of its cells in this file "
                            "(%(sum)s)."
                        )
                        % {
                            "total": formats.format_decimal(total.value, None),
                            "sum": formats.format_decimal(sum(g["parts"]), None),
                        }
                    ),
                )
            )
    return errors


def write_rows(rows: list[_Row], user=None) -> int:
    """Create or update (or, for a None value, delete) each row's observation."""
    written = 0
    for r in rows:
        existing = Observation.objects.filter(indicator=r.indicator, period=r.period)
        obs = next((o for o in existing if cell_key(o.cell) == cell_key(r.cell)), None)
        if r.value is None:
            if obs is not None:
                obs.delete()
                written += 1
            continue
        if obs is None:
            obs = Observation(
                indicator=r.indicator,
                period=r.period,
                cell=r.cell,
                division=r.indicator.division,
                created_by=user,
            )
        elif (obs.value, obs.note, obs.source) == (r.value, r.note, r.source):
            continue
        obs.value, obs.note, obs.source = r.value, r.note, r.source
        obs.division = r.indicator.division
        obs.save()
        written += 1
    return written


def import_observations(file_or_rows, period=None, user=None, name: str = "") -> ImportResult:
    """Import observations from a CSV/XLSX/ODS file (bytes, path or file object) or from dict
    rows. Every row is checked; nothing is written unless all are valid. Writes are logged with
    source "import" and attributed to `user`."""
    try:
        numbered = canonical_columns(read_dicts(file_or_rows, name))
    except TableError as exc:
        return ImportResult(False, [RowError(0, "", str(exc.message))])
    if not numbered:
        return ImportResult(False, [RowError(0, "", str(_("The file is empty.")))])
    if not isinstance(file_or_rows, list | tuple):
        missing = REQUIRED - set(numbered[0][1])
        if missing:
            return ImportResult(
                False,
                [
                    RowError(
                        1,
                        "",
                        str(
                            _("Missing columns: %(cols)s. The header must be %(header)s.")
                            % {
                                "cols": ", ".join(
                                    f"{HEADER_LABELS[c]} ({c})" for c in sorted(missing)
                                ),
                                "header": ",".join(template_header()),
                            }
                        ),
                    )
                ],
            )
    try:
        checked = check_rows(numbered, period, user)
        checked.skipped += _blank_rows_between(numbered)
    except formats.FormatError as exc:  # the chosen period itself
        return ImportResult(False, [RowError(0, "", str(exc))])
    if checked.errors:
        return ImportResult(False, checked.errors, skipped=checked.skipped)
    if not checked.valid:
        message = str(_("The file holds no values."))
        return ImportResult(False, [RowError(0, "", message)], skipped=checked.skipped)
    with audit_context(user=user, source=ChangeSource.IMPORT), transaction.atomic():
        written = write_rows(checked.valid, user)
    return ImportResult(True, [], written, checked.skipped)
