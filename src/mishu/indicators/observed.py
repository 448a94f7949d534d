"""Observed indicators' values: the observations of one indicator within a period, loaded once
and read many ways (a cell, a total over cells, a sum over finer periods, a stock's last part)."""

import builtins
from decimal import Decimal

from mishu.core.formats import Period

from .cells import cell_key
from .records import records


def finer(period: Period) -> list[Period]:
    """The periods one level finer: year → halves → quarters → months."""
    steps = {"year": ("half", 2), "half": ("quarter", 2), "quarter": ("month", 3)}
    if period.kind not in steps:
        return []
    kind, n = steps[period.kind]
    return [Period(kind, period.year, (period.index - 1) * n + i) for i in range(1, n + 1)]


def all_codes(period: Period) -> list[str]:
    codes = [period.code]
    for child in finer(period):
        codes += all_codes(child)
    return codes


class Observed:
    """The observations of one indicator within a period, loaded once, read many ways."""

    def __init__(self, d, period: Period, user):
        from .models import Observation  # the registry is imported before the models

        self.d = d
        qs = records(Observation, user).filter(indicator__code=d.code, period__in=all_codes(period))
        self.by_period: dict[str, list[tuple[dict, Decimal]]] = {}
        for p, c, v in qs.order_by("pk").values_list("period", "cell", "value"):
            self.by_period.setdefault(p, []).append((c or {}, v))

    def full_cells(self) -> list[dict]:
        """Every full cell (all dimensions given) observed in the period or its parts, in order."""
        dims, seen, out = set(self.d.dimensions), set(), []
        for rows in self.by_period.values():
            for c, _v in rows:
                if set(c) == dims and dims and cell_key(c) not in seen:
                    seen.add(cell_key(c))
                    out.append(c)
        return out

    def value(self, period: Period, cell: dict) -> Decimal | None:
        rows = self.by_period.get(period.code, [])
        key = cell_key(cell)
        for c, v in rows:
            if cell_key(c) == key:
                return v
        if not self.d.additive:
            return None
        dims = set(self.d.dimensions)
        parts_of = finer(period)
        if set(cell) != dims:
            parts = [
                v
                for c, v in rows
                if set(c) == dims and builtins.all(c.get(k) == m for k, m in cell.items())
            ]
            if parts:
                return sum(parts, Decimal(0))
        if self.d.stock:  # a stock stands as its last part says (the year is December's)
            return self.value(parts_of[-1], cell) if parts_of else None
        values = [v for child in parts_of if (v := self.value(child, cell)) is not None]
        return sum(values, Decimal(0)) if values else None
