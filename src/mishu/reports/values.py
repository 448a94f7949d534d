"""Where report figures come from: the indicator registry, or a closed period's snapshot.

This is the reports app's one door to ``mishu.indicators`` and ``mishu.kpis``. When the report
period is closed, its values *and* the same period last year come from the period's snapshot
(``PeriodSnapshot.values[code]`` and ``[code]["previous"]``), so the report is reproducible.

The year of a report that ends before December (`period=year` in 109H1's report) is the year to
date: 109's figures as of 109H1's end, which are 109H1's, never what was recorded after it. Only
what is stated for the whole year (an observed target, rate or rule: not a flow or a stock) is
the year's own value.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from mishu.core.formats import Period
from mishu.indicators import registry, services
from mishu.indicators.cells import cell_key
from mishu.indicators.choices import IndicatorSource


class UnknownCode(LookupError):
    """An indicator or KPI code that does not exist."""


def clean(v) -> Decimal | None:
    """A value without the storage scale's trailing zeros (``9200.0000`` → ``9200``)."""
    if v is None:
        return None
    v = Decimal(v)
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()


_dec = clean


def frozen_value(entry: dict | None, cell: dict) -> Decimal | None:
    """A value out of one frozen entry ``{"value", "cells"}``."""
    if not entry:
        return None
    if not cell:
        return _dec(entry.get("value"))
    key = cell_key({k: str(v) for k, v in cell.items()})
    return next((_dec(v) for c, v in entry.get("cells", []) if cell_key(c) == key), None)


def frozen_breakdown(entry: dict | None, dimensions: tuple) -> registry.Breakdown:
    """A Breakdown rebuilt from a frozen entry's cells."""
    dims = tuple(dimensions[:2])
    bd = registry.Breakdown(dimensions=dims)
    for c, v in (entry or {}).get("cells", []):
        if dims and set(c) == set(dims) and v is not None:
            row, col = c[dims[0]], c[dims[1]] if len(dims) > 1 else None
            bd.cells[(row, col)] = clean(v)
            if row not in bd.rows:
                bd.rows.append(row)
            if col is not None and col not in bd.cols:
                bd.cols.append(col)
    bd.total = _dec((entry or {}).get("value"))
    return bd


def to_date(year: Period, report: Period | None) -> Period:
    """The part of ``year`` a report of ``report`` has reached: January to the report's end, as
    a KPI's annual target is judged (`kpis.services.year_to_date`: 109H1 for 109H1's report,
    109Q1 for 109Q1's); the year itself when the report ends with it, is of another year, or
    ends where no period of the calendar starts in January."""
    from mishu.kpis.services import year_to_date

    if report is None or year.kind != "year" or report.year != year.year:
        return year
    return year_to_date(report) or year


@dataclass
class ValueSource:
    """Indicator values of the whole organisation (a report and its KPIs are the
    organisation's: whoever may read the report sees the same figures, not their division's
    share); a closed report period reads its snapshot. ``user`` is who asked, kept for the
    record; it does not narrow the figures."""

    user: object = None
    use_snapshots: bool = True
    report_period: Period | None = None
    _snapshots: dict = field(default_factory=dict)
    _definitions: dict = field(default_factory=dict)
    _values: dict = field(default_factory=dict)

    def snapshot(self, period: Period) -> dict | None:
        """The frozen values of a closed period, or None when it is open."""
        if not self.use_snapshots:
            return None
        if period.code not in self._snapshots:
            snap = services.get_snapshot(period)
            self._snapshots[period.code] = snap.values if snap and snap.is_closed else None
        return self._snapshots[period.code]

    def closed(self, period: Period) -> bool:
        return self.snapshot(period) is not None

    def _frozen_entry(self, code: str, period: Period):
        """(found, entry): the frozen entry of ``code`` for ``period`` when a snapshot holds it.

        The same period last year comes from the report period's snapshot (its "previous").
        """
        report = self.report_period
        if report is not None and period == report.previous_year() and self.closed(report):
            return True, (self.snapshot(report).get(code) or {}).get("previous")
        own = self.snapshot(period)
        if own is not None:
            return True, own.get(code)
        return False, None

    def definition(self, code: str):
        """The indicator's definition; raises UnknownCode."""
        if code not in self._definitions:
            try:
                self._definitions[code] = registry.get(code)
            except LookupError:
                raise UnknownCode(code) from None
        return self._definitions[code]

    def reported(self, code: str, period: Period) -> Period:
        """The period a figure of ``period`` is read for in this report: the report's year is
        the year to date (`to_date`), except for what is observed for the whole year and does
        not add up over its parts (an annual target or rule)."""
        part = to_date(period, self.report_period)
        if part == period:
            return period
        d = self.definition(code)
        if d.source == IndicatorSource.OBSERVED and not d.additive:
            return period
        return part

    def value(self, code: str, period: Period, **cell) -> Decimal | None:
        """The value of ``code`` for ``period`` (and a dimension cell), or None if missing.

        Values are remembered for the life of the source (one report build), since a
        template often states one figure several times."""
        period = self.reported(code, period)
        key = (code, period, tuple(sorted(cell.items())))
        if key not in self._values:
            self.definition(code)
            found, entry = self._frozen_entry(code, period)
            if found:
                self._values[key] = frozen_value(entry, cell)
            else:
                self._values[key] = clean(registry.value(code, period, **cell))
        return self._values[key]

    def breakdown(self, code: str, period: Period):
        """The indicator's breakdown (from the snapshot for a closed period)."""
        definition = self.definition(code)
        period = self.reported(code, period)
        found, entry = self._frozen_entry(code, period)
        if found:
            return frozen_breakdown(entry, definition.dimensions)
        bd = registry.breakdown(code, period)
        bd.cells = {k: clean(v) for k, v in bd.cells.items()}
        return bd

    def kpi(self, code: str, period: Period):
        """The KPI ``code`` of the period's (ROC) year; None when that year's strategy map has
        no such KPI (never another year's: its figures would print under this year's
        heading); raises UnknownCode when no year has it."""
        from mishu.kpis.models import KPI

        candidates = KPI.objects.filter(code=code)
        kpi = candidates.filter(year=period.year - 1911).first()
        if kpi is None:
            if not candidates.exists():
                raise UnknownCode(code)
            return None
        frozen = (
            services.snapshot_extra(self.report_period or period, "kpis")
            if self.use_snapshots
            else None
        )
        if frozen:  # a closed period prints the target and weight it was closed with
            for name in ("target", "weight"):
                if f"{kpi.code}.{name}" in frozen:
                    setattr(kpi, name, clean(frozen[f"{kpi.code}.{name}"]))
        return kpi
