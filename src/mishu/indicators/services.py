"""Write logic of indicators: definitions, known cells, period snapshots (close, reopen, compare)."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core.formats import Period
from mishu.core.models import Division
from mishu.core.tabular import read_dicts

from . import registry
from .cells import cell_key
from .choices import IndicatorKind
from .memo import memoised
from .models import Observation, ObservedIndicator, PeriodSnapshot

TRUE = {"1", "true", "yes", "y", "是", "t"}


def _division(text: str) -> Division:
    text = (text or "").strip()
    division = (
        Division.objects.filter(code=text).first()
        or Division.objects.filter(short_name=text).first()
        or Division.objects.filter(name=text).first()
    )
    if division is None:
        raise ValidationError(_("Unknown division “%(d)s”.") % {"d": text})
    return division


def sync_definitions(rows) -> list[ObservedIndicator]:
    """Create or update observed indicators from rows (dicts, or a CSV/XLSX/ODS file) with
    `code,label,label_en,unit,division,dimensions,kind,allow_negative[,stock]` (dimensions
    space-separated; stock true for a figure that stands at the period's end). All or nothing: raises ValidationError listing every bad row."""
    errors, saved = [], []
    kinds = set(IndicatorKind.values)
    with transaction.atomic():
        for number, row in read_dicts(rows):
            code = (row.get("code") or "").strip()
            try:
                if not code or not (row.get("label") or "").strip():
                    raise ValidationError(_("Code and label are required."))
                if code in registry._COMPUTED:
                    raise ValidationError(_("“%(c)s” is a computed indicator.") % {"c": code})
                kind = (row.get("kind") or IndicatorKind.COUNT).strip()
                if kind not in kinds:
                    raise ValidationError(
                        _("Unknown kind “%(k)s”; expected one of %(all)s.")
                        % {"k": kind, "all": ", ".join(sorted(kinds))}
                    )
                dims = row.get("dimensions") or ""
                dims = dims.split() if isinstance(dims, str) else list(dims)
                obj, _created = ObservedIndicator.objects.update_or_create(
                    code=code,
                    defaults={
                        "label": row["label"].strip(),
                        "label_en": (row.get("label_en") or "").strip(),
                        "unit": (row.get("unit") or "").strip(),
                        "division": _division(row.get("division")),
                        "dimensions": dims,
                        "kind": kind,
                        "allow_negative": str(row.get("allow_negative") or "").strip().lower()
                        in TRUE,
                        "stock": str(row.get("stock") or "").strip().lower() in TRUE,
                    },
                )
                saved.append(obj)
            except ValidationError as exc:
                errors.append(
                    _("Row %(n)s: %(msg)s") % {"n": number, "msg": " ".join(exc.messages)}
                )
        if errors:
            transaction.set_rollback(True)
            raise ValidationError(errors)
    return saved


def known_cells(indicator: ObservedIndicator) -> list[dict]:
    """The dimension cells ever observed for an indicator (full cells first seen first)."""
    dims, seen, out = set(indicator.dimensions or ()), set(), []
    for cell in indicator.observations.order_by("pk").values_list("cell", flat=True):
        if dims and set(cell or {}) == dims and cell_key(cell) not in seen:
            seen.add(cell_key(cell))
            out.append(cell)
    return out


# --- period snapshots -------------------------------------------------------------------------


def _s(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


def _frozen(code: str, period: Period) -> dict:
    bd = registry.breakdown(code, period)
    return {
        "value": _s(registry.value(code, period)),
        "cells": [[cell, _s(v)] for cell, v in bd.as_cells()],
    }


EXTRAS = "__extras__"
_SNAPSHOT_EXTRAS: dict = {}


def register_snapshot_extra(name: str, fn) -> None:
    """Freeze more than indicator values at period close: `fn(period) -> {key: str|None}` (e.g.
    the KPIs' targets and weights, which the report prints). Stored under `EXTRAS[name]`."""
    _SNAPSHOT_EXTRAS[name] = fn


def _extras(period: Period) -> dict:
    return {name: fn(period) for name, fn in sorted(_SNAPSHOT_EXTRAS.items())}


def snapshot(period) -> dict:
    """Every indicator's value and breakdown for the period and the same period last year:
    `{code: {"value": str|None, "cells": [[cell, str]], "previous": {"value", "cells"}}}`, plus
    the registered extras under `EXTRAS`."""
    period = registry._period(period)
    out = {}
    for d in registry.all():
        out[d.code] = _frozen(d.code, period)
        out[d.code]["previous"] = _frozen(d.code, period.previous_year())
    out[EXTRAS] = _extras(period)
    return out


def snapshot_extra(period, name: str) -> dict | None:
    """The frozen extra `name` of a closed period, or None when the period is not closed."""
    snap = get_snapshot(period)
    if snap is None or not snap.is_closed:
        return None
    return (snap.values.get(EXTRAS) or {}).get(name)


def _require_evaluator(user):
    if user is not None and not user.has_role("evaluator", "admin"):
        raise PermissionDenied(
            _(
                "Only research and evaluation officers or administrators may "
                "close or reopen a period."
            )
        )


@memoised
def get_snapshot(period) -> PeriodSnapshot | None:
    """The snapshot record of a period, closed or reopened; None when it was never closed."""
    return PeriodSnapshot.objects.filter(period=registry._period(period).code).first()


def is_closed(period) -> bool:
    """Whether the period is closed (and not reopened)."""
    snap = get_snapshot(period)
    return bool(snap and snap.is_closed)


def close_period(period, user=None) -> PeriodSnapshot:
    """Freeze every indicator's values for the period (user: an evaluator or admin; None for
    the system). Closing a reopened period takes a fresh snapshot."""
    _require_evaluator(user)
    period = registry._period(period)
    with transaction.atomic():
        snap = PeriodSnapshot.objects.select_for_update().filter(period=period.code).first()
        if snap is not None and snap.is_closed:
            raise ValidationError(_("Period %(p)s is already closed.") % {"p": period.code})
        snap = snap or PeriodSnapshot(period=period.code)
        snap.values = snapshot(period)
        snap.closed_at = timezone.now()
        snap.closed_by = user
        snap.reopened = False
        snap.save()
    return snap


def reopen_period(period, user, reason: str) -> PeriodSnapshot:
    """Reopen a closed period (evaluators and admins only; a reason is required). The
    snapshot is kept for comparison; the change log records who reopened it and why."""
    if user is None:
        raise PermissionDenied(_("Reopening a period needs a user."))
    _require_evaluator(user)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for reopening the period."))
    period = registry._period(period)
    with transaction.atomic():
        snap = PeriodSnapshot.objects.select_for_update().filter(period=period.code).first()
        if snap is None or not snap.is_closed:
            raise ValidationError(_("Period %(p)s is not closed.") % {"p": period.code})
        snap.reopened, snap.reopened_at, snap.reopened_by = True, timezone.now(), user
        snap.reopen_reason = reason
        snap.save()
    return snap


def snapshot_value(period, code: str, **cell) -> Decimal | None:
    """The frozen value of an indicator (and cell) in a period's snapshot; None when the period
    has no snapshot or the snapshot has no such value."""
    snap = get_snapshot(period)
    entry = (snap.values if snap else {}).get(code)
    if entry is None:
        return None
    if not cell:
        return None if entry["value"] is None else Decimal(entry["value"])
    key = cell_key({k: str(v) for k, v in cell.items()})
    for c, v in entry["cells"]:
        if cell_key(c) == key:
            return None if v is None else Decimal(v)
    return None


@dataclass(frozen=True)
class Difference:
    """A value that changed since the period was closed."""

    code: str
    cell: dict
    closed: Decimal | None
    current: Decimal | None


def differences(period) -> list[Difference]:
    """Every value (and cell) whose fresh value differs from the period's snapshot; empty when
    the period was never closed."""
    snap = get_snapshot(period)
    if snap is None:
        return []
    period = registry._period(period)
    fresh = {d.code: _frozen(d.code, period) for d in registry.all()}
    dec = lambda v: None if v is None else Decimal(v)  # noqa: E731
    out = []
    old_extras, new_extras = snap.values.get(EXTRAS) or {}, _extras(period)
    for name in sorted(set(old_extras) | set(new_extras)):
        old, new = old_extras.get(name) or {}, new_extras.get(name) or {}
        for key in sorted(set(old) | set(new)):
            if dec(old.get(key)) != dec(new.get(key)):
                out.append(Difference(f"{name}:{key}", {}, dec(old.get(key)), dec(new.get(key))))
    for code in sorted((set(snap.values) | set(fresh)) - {EXTRAS}):
        old, new = (
            snap.values.get(code) or {"value": None, "cells": []},
            fresh.get(code) or {"value": None, "cells": []},
        )
        if dec(old["value"]) != dec(new["value"]):
            out.append(Difference(code, {}, dec(old["value"]), dec(new["value"])))
        old_cells = {cell_key(c): (c, dec(v)) for c, v in old["cells"]}
        new_cells = {cell_key(c): (c, dec(v)) for c, v in new["cells"]}
        for key in list(old_cells) + [k for k in new_cells if k not in old_cells]:
            (c, a), (_c2, b) = old_cells.get(key, (None, None)), new_cells.get(key, (None, None))
            if a != b:
                out.append(Difference(code, c or _c2, a, b))
    return out


def observations_for(user, indicator, period: Period):
    """The observations of an indicator in a period that the user may see."""
    return registry.records(Observation, user).filter(indicator=indicator, period=period.code)


def share_of(user) -> Division | None:
    """Whose share of the figures the user sees: their division when they may only see its
    records, None when they see the organisation's (the report and KPIs always do)."""
    from mishu.core import permissions as rights

    if rights.division_scope(user, rights.VIEW) is rights.ALL:
        return None
    return getattr(user, "division", None)
