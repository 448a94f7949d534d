"""Where report figures come from: the indicator registry, or a closed period's snapshot.

This is the reports app's one door to ``mishu.indicators`` and ``mishu.kpis``; everything the
renderer asks for goes through a :class:`ValueSource`, so the report of a closed period reads
frozen values and stays reproducible.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from mishu.core.formats import Period


class UnknownCode(LookupError):
    """An indicator or KPI code that does not exist."""


def registry():
    from mishu.indicators import registry as reg

    return reg


def snapshot_for(period: Period):
    """The snapshot freezing ``period``, or None when the period is open."""
    from mishu.indicators.models import PeriodSnapshot

    return PeriodSnapshot.objects.filter(period=period.code, reopened=False).first()


def is_closed(period: Period) -> bool:
    """Whether ``period`` is closed (its values come from its snapshot)."""
    return snapshot_for(period) is not None


@dataclass
class ValueSource:
    """Indicator values for one user, read from snapshots for closed periods."""

    user: object = None
    use_snapshots: bool = True
    _closed: dict = field(default_factory=dict)

    def closed(self, period: Period) -> bool:
        if not self.use_snapshots:
            return False
        if period.code not in self._closed:
            self._closed[period.code] = is_closed(period)
        return self._closed[period.code]

    def definition(self, code: str):
        """The indicator's definition; raises UnknownCode."""
        try:
            return registry().get(code)
        except Exception as exc:  # the registry's own lookup error type is its business
            raise UnknownCode(code) from exc

    def value(self, code: str, period: Period, **cell) -> Decimal | None:
        """The value of ``code`` for ``period`` (and a dimension cell), or None if missing."""
        self.definition(code)
        if self.closed(period):
            from mishu.indicators import services

            return services.snapshot_value(period, code, **cell)
        return registry().value(code, period, user=self.user, **cell)

    def breakdown(self, code: str, period: Period):
        """The indicator's breakdown; for a closed period every cell comes from the snapshot."""
        self.definition(code)
        if self.closed(period):
            from mishu.indicators import services

            if hasattr(services, "snapshot_breakdown"):
                return services.snapshot_breakdown(period, code)
        return registry().breakdown(code, period, user=self.user)

    def kpi(self, code: str, period: Period):
        """The KPI ``code`` of the period's year (or the latest one) and its evaluation."""
        from mishu.kpis import services
        from mishu.kpis.models import KPI

        candidates = KPI.objects.filter(code=code)
        kpi = (candidates.filter(year__in=[period.year, period.year - 1911]).first()
               or candidates.order_by("-year").first())
        if kpi is None:
            raise UnknownCode(code)
        return kpi, services.evaluate(kpi, period)
