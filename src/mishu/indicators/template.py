"""The observation template a division downloads: one row per indicator it may enter values
for (and per known cell), the period's current values filled in. The import reads it back
(`importing`); its header is `importing.template_header()`."""

from decimal import Decimal

from mishu.core import formats
from mishu.core import permissions as rights

from .cells import cell_key, format_cell
from .models import Observation, ObservedIndicator
from .services import known_cells


def template_rows(period, user=None) -> list[list]:
    """One row per observed indicator (plain value) and per known dimension cell, with the
    period's current values filled in where the user may see them. A user gets the indicators
    of the division they may enter values for (every division for an administrator)."""
    from . import registry

    period = period if isinstance(period, formats.Period) else formats.Period.parse(str(period))
    current = {}
    for o in (
        registry.records(Observation, user).filter(period=period.code).select_related("indicator")
    ):
        current[(o.indicator.code, cell_key(o.cell))] = o
    rows = []
    for ind in entered_by(user).order_by("code"):
        for cell in [{}, *known_cells(ind)]:
            o = current.get((ind.code, cell_key(cell)))
            rows.append(
                [
                    ind.code,
                    ind.label,
                    ind.unit,
                    period.code,
                    format_cell(cell),
                    "" if o is None else plain(o.value),
                    o.note if o else "",
                    o.source if o else "",
                ]
            )
    return rows


def entered_by(user=None):
    """The observed indicators `user` may enter values for (all of them without a user)."""
    indicators = ObservedIndicator.objects.all()
    if user is None:
        return indicators
    scope = rights.division_scope(user, rights.ADD)
    if scope is rights.ALL:
        return indicators
    return indicators.filter(division_id=scope) if scope is not None else indicators.none()


def plain(v: Decimal) -> str:
    return format(v.normalize(), "f")
