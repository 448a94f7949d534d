"""Factories other apps may import: observed indicators and their observations."""

from decimal import Decimal

from mishu.core.testing import division

from ..models import Observation, ObservedIndicator


def indicator(
    code="doc.received", division_code="documents", dimensions=(), kind="count", **kwargs
) -> ObservedIndicator:
    return ObservedIndicator.objects.create(
        code=code,
        label=kwargs.pop("label", code),
        unit=kwargs.pop("unit", "件"),
        division=division(division_code),
        dimensions=list(dimensions),
        kind=kind,
        **kwargs,
    )


def observe(ind: ObservedIndicator, period: str, value, **cell) -> Observation:
    return Observation.objects.create(
        indicator=ind, period=period, cell=cell, value=Decimal(str(value)), division=ind.division
    )
