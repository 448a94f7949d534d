"""One interface for every indicator, computed from an app's records or observed (entered/imported).

Apps declare computed indicators in their own `indicators.py`::

    @registry.computed(code="chronicle.events", label="大事紀事件數", unit="件", dimensions=("category",))
    def events(period, user, **cell): ...

    @events.breakdown
    def events_by_category(period, user): return {"trip": Decimal(3), ...}

A computed indicator declares when a period is covered (``covered=`` a callable
``(period, user) -> bool``, e.g. ``has_records(Event, "start_date")`` or
``every_month(MeterReading, "month")``): without coverage its value is missing (None), never a
zero counted over no records. ``stock=True`` says the figure stands at the period's end
(vehicles, subscribers, cumulative counts) rather than adding up over time.

Observed indicators are `ObservedIndicator` rows with values in `Observation`. The report cannot
tell the two apart: both answer `value`, `breakdown` and `previous_year`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.apps import apps
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mishu.core.formats import Period

from .choices import ADDITIVE_KINDS, IndicatorKind, IndicatorSource
from .memo import memoised
from .observed import Observed
from .records import (
    RATIO_PLACES,
    _period,
    every_month,
    has_records,
    ratio,
    records,
    records_in,
)

__all__ = [
    "RATIO_PLACES",
    "Breakdown",
    "IndicatorDef",
    "UnknownDimension",
    "UnknownIndicator",
    "all",
    "breakdown",
    "computed",
    "every_month",
    "get",
    "has_records",
    "previous_year",
    "ratio",
    "records",
    "records_in",
    "value",
]


class UnknownIndicator(LookupError):
    """No computed or observed indicator has this code."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code
        self.message = _("Unknown indicator “%(code)s”.") % {"code": code}

    def __str__(self):
        return str(self.message)


class UnknownDimension(ValueError):
    """A cell names a dimension the indicator does not have."""


@dataclass(frozen=True)
class IndicatorDef:
    """What an indicator is: code, labels, unit, dimensions, where its values come from."""

    code: str
    label: str
    label_en: str = ""
    unit: str = ""
    dimensions: tuple[str, ...] = ()
    source: str = IndicatorSource.COMPUTED
    app: str = ""
    kind: str = IndicatorKind.COUNT
    allow_negative: bool = False
    division: str = ""
    stock: bool = False
    fn: Callable | None = field(default=None, compare=False, repr=False)
    breakdown_fn: Callable | None = field(default=None, compare=False, repr=False)
    covered_fn: Callable | None = field(default=None, compare=False, repr=False)

    @property
    def display_label(self) -> str:
        lang = get_language() or ""
        return self.label_en if lang.startswith("en") and self.label_en else self.label

    @property
    def app_name(self) -> str:
        """The name of the module the indicator comes from, as users read it (文書, not
        `documents`)."""
        from django.apps import apps

        try:
            return str(apps.get_app_config(self.app).verbose_name)
        except LookupError:
            return self.app

    @property
    def additive(self) -> bool:
        """Whether cells add up (counts and amounts)."""
        return self.kind in ADDITIVE_KINDS

    @property
    def flow(self) -> bool:
        """Whether a longer period sums its parts (a flow); a stock takes its last part's."""
        return self.additive and not self.stock

    def covered(self, period, user=None) -> bool:
        """Whether the period has the records the figure is computed from (observed: always;
        their values are missing by themselves)."""
        return self.covered_fn is None or bool(self.covered_fn(_period(period), user))


@dataclass
class Breakdown:
    """An indicator's values over its dimensions for one period.

    `cells` is keyed `(row, col)`; an indicator of one dimension has no cols and its cells are
    keyed `(row, None)`. Totals are the indicator's own values for the partial cell (a sum for
    counts and amounts), `None` where there is none.
    """

    dimensions: tuple[str, ...] = ()
    rows: list = field(default_factory=list)
    cols: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)
    row_totals: dict = field(default_factory=dict)
    col_totals: dict = field(default_factory=dict)
    total: Decimal | None = None

    def get(self, row, col=None) -> Decimal | None:
        """The value of one cell (None when empty)."""
        return self.cells.get((row, col))

    def as_cells(self) -> list[tuple[dict, Decimal]]:
        """Every cell and total as (cell dict, value): full cells, row and column totals."""
        dims = self.dimensions
        out = []
        for (row, col), v in self.cells.items():
            cell = {dims[0]: row} if col is None else {dims[0]: row, dims[1]: col}
            out.append((cell, v))
        if len(dims) > 1:
            out += [({dims[0]: r}, v) for r, v in self.row_totals.items() if v is not None]
            out += [({dims[1]: c}, v) for c, v in self.col_totals.items() if v is not None]
        return out


_COMPUTED: dict[str, IndicatorDef] = {}


def to_decimal(v) -> Decimal | None:
    """A value as Decimal (floats through their shortest text), None kept."""
    if v is None or isinstance(v, Decimal):
        return v
    return Decimal(str(v)) if isinstance(v, float) else Decimal(v)


def _app_label(module: str) -> str:
    config = apps.get_containing_app_config(module)
    return config.label if config else module.split(".")[-2]


def computed(
    *,
    code: str,
    label: str,
    label_en: str = "",
    unit: str = "",
    dimensions: tuple[str, ...] = (),
    kind: str = IndicatorKind.COUNT,
    allow_negative: bool = False,
    division: str = "",
    breakdown: Callable | None = None,
    covered: Callable | None = None,
    stock: bool = False,
):
    """Declare a computed indicator: decorates `fn(period, user, **cell) -> Decimal | None`.

    The decorated function gains `.breakdown`, a decorator for `bfn(period, user) -> dict`
    mapping a member (one dimension) or a `(row, col)` pair (two) to its value. `covered`
    `(period, user) -> bool` tells whether the period has records at all: when it has not, the
    value and breakdown are missing. `stock`: the figure stands at the period's end.
    """

    def decorate(fn):
        _COMPUTED[code] = IndicatorDef(
            code=code,
            label=label,
            label_en=label_en,
            unit=unit,
            dimensions=tuple(dimensions),
            source=IndicatorSource.COMPUTED,
            app=_app_label(fn.__module__),
            kind=kind,
            allow_negative=allow_negative,
            division=division,
            stock=stock,
            fn=fn,
            breakdown_fn=breakdown,
            covered_fn=covered,
        )

        def set_breakdown(bfn):
            _COMPUTED[code] = replace(_COMPUTED[code], breakdown_fn=bfn)
            return bfn

        fn.breakdown = set_breakdown
        fn.code = code
        return fn

    return decorate


def _observed_def(obj) -> IndicatorDef:
    return IndicatorDef(
        code=obj.code,
        label=obj.label,
        label_en=obj.label_en,
        unit=obj.unit,
        dimensions=tuple(obj.dimensions or ()),
        source=IndicatorSource.OBSERVED,
        app="indicators",
        kind=obj.kind,
        allow_negative=obj.allow_negative,
        division=obj.division.code,
        stock=obj.stock,
    )


@memoised
def get(code: str) -> IndicatorDef:
    """The definition of an indicator; raises UnknownIndicator. An observed one is read once a
    render (indicators.memo): a page of KPIs asks for each indicator per period."""
    if code in _COMPUTED:
        return _COMPUTED[code]
    from .models import ObservedIndicator

    obj = ObservedIndicator.objects.select_related("division").filter(code=code).first()
    if obj is None:
        raise UnknownIndicator(code)
    return _observed_def(obj)


def all() -> list["IndicatorDef"]:
    """Every indicator, computed then observed, each sorted by code."""
    from .models import ObservedIndicator

    observed = [_observed_def(o) for o in ObservedIndicator.objects.select_related("division")]
    return sorted(_COMPUTED.values(), key=lambda d: d.code) + [
        d for d in observed if d.code not in _COMPUTED
    ]


def _check_cell(d: IndicatorDef, cell: dict) -> dict:
    unknown = set(cell) - set(d.dimensions)
    if unknown:
        raise UnknownDimension(
            f"{d.code} has no dimension {', '.join(sorted(unknown))} (it has {d.dimensions})"
        )
    return {k: str(v) for k, v in cell.items()}


def value(code: str, period, user=None, **cell) -> Decimal | None:
    """The indicator's value for the period (and cell); None when there is none."""
    d = get(code)
    period = _period(period)
    cell = _check_cell(d, cell)
    if d.source == IndicatorSource.COMPUTED:
        return _computed(d, period, user, cell)
    return Observed(d, period, user).value(period, cell)


def _computed(d: IndicatorDef, period: Period, user, cell: dict) -> Decimal | None:
    """A computed value, missing when the period is not covered."""
    if not d.covered(period, user):
        return None
    return to_decimal(d.fn(period, user, **cell))


def previous_year(code: str, period, user=None, **cell) -> Decimal | None:
    """The value for the same period one year earlier."""
    return value(code, _period(period).previous_year(), user, **cell)


def breakdown(code: str, period, user=None) -> Breakdown:
    """The indicator's values over its (first two) dimensions for the period."""
    d = get(code)
    period = _period(period)
    dims = d.dimensions[:2]
    if d.source == IndicatorSource.COMPUTED:
        if not d.covered(period, user):
            return Breakdown(dimensions=dims)
        data = d.breakdown_fn(period, user) if (d.breakdown_fn and dims) else {}
        keys = [k if isinstance(k, tuple) else (k, None) for k in data]
        bd = Breakdown(dimensions=dims)
        for k, v in zip(keys, data.values(), strict=True):
            if v is not None:
                bd.cells[(str(k[0]), None if k[1] is None else str(k[1]))] = to_decimal(v)

        def lookup(c):
            return to_decimal(d.fn(period, user, **c))
    else:
        obs = Observed(d, period, user)
        bd = Breakdown(dimensions=dims)
        for c in obs.full_cells():
            key = (c[dims[0]], c[dims[1]] if len(dims) > 1 else None)
            if key not in bd.cells:
                v = obs.value(period, {dim: m for dim, m in zip(dims, key, strict=False)})
                if v is not None:
                    bd.cells[key] = v

        def lookup(c):
            return obs.value(period, c)

    for row, col in bd.cells:
        if row not in bd.rows:
            bd.rows.append(row)
        if col is not None and col not in bd.cols:
            bd.cols.append(col)
    if dims:
        bd.row_totals = {r: lookup({dims[0]: r}) for r in bd.rows}
    if len(dims) > 1:
        bd.col_totals = {c: lookup({dims[1]: c}) for c in bd.cols}
    bd.total = lookup({})
    return bd


def observed_and_computed() -> list[str]:
    """Codes that an app computes and that still have an observed definition: the same figure
    held twice, which the report's consistency check compares."""
    from .models import ObservedIndicator

    return sorted(set(ObservedIndicator.objects.values_list("code", flat=True)) & set(_COMPUTED))


def observed_value(code: str, period, user=None, **cell) -> Decimal | None:
    """The value staff entered or imported for `code`, even where an app computes it."""
    from .models import ObservedIndicator

    obj = ObservedIndicator.objects.filter(code=code).first()
    if obj is None:
        raise UnknownIndicator(code)
    p = _period(period)
    return Observed(_observed_def(obj), p, user).value(p, cell)


def computed_value(code: str, period, user=None, **cell) -> Decimal | None:
    """The value an app computes for `code` from its records."""
    if code not in _COMPUTED:
        raise UnknownIndicator(code)
    return _computed(_COMPUTED[code], _period(period), user, cell)
