"""Demo data of the indicators: the observed indicators of the secretariat's work report and
their values for 107H2, 108H2 (by month where the report tabulates months), 107 and 108.

`load()` is idempotent: definitions are created or updated by code, observations by
(indicator, period, cell). Totals that the registry can compute from parts are never stored.
"""

from pathlib import Path

from django.core.exceptions import ValidationError

from . import importing, services

DATA = Path(__file__).resolve().parent / "demo_data"
DEFINITIONS = DATA / "indicators.csv"
OBSERVATIONS = DATA / "observations.csv"


def load() -> None:
    """Create or update the demo indicator definitions and observations."""
    services.sync_definitions(DEFINITIONS)
    result = importing.import_observations(OBSERVATIONS)
    if not result.ok:
        raise ValidationError(
            [f"observations.csv row {e.row} {e.code}: {e.message}" for e in result.errors]
        )
