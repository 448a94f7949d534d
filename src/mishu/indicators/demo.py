"""Demo data of the indicators: the observed indicators of the secretariat's work report and
their values for 107H2, 108H2 (by month where the report tabulates months), 107 and 108.

`load()` is idempotent: definitions are created or updated by code, observations by
(indicator, period, cell). Totals that the registry can compute from parts are never stored.

An app that records the work behind an indicator declares it as computed with the same code; from
then on its records replace the demo's observation: rows for computed codes are not loaded.
"""

from pathlib import Path

from django.core.exceptions import ValidationError

from mishu.core.tabular import read_dicts

from . import importing, registry, services

DATA = Path(__file__).resolve().parent / "demo_data"
DEFINITIONS = DATA / "indicators.csv"
OBSERVATIONS = DATA / "observations.csv"


def still_observed(path: Path) -> list[dict]:
    """The rows of a demo CSV whose indicator no app computes yet."""
    computed = {d.code for d in registry.all() if d.source == "computed"}
    return [row for _number, row in read_dicts(path) if row.get("code") not in computed]


def load() -> None:
    """Create or update the demo indicator definitions and observations."""
    services.sync_definitions(still_observed(DEFINITIONS))
    result = importing.import_observations(still_observed(OBSERVATIONS))
    if not result.ok:
        raise ValidationError(
            [f"observations.csv row {e.row} {e.code}: {e.message}" for e in result.errors]
        )
