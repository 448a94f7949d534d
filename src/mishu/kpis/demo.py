"""Demo data of the KPIs: the secretariat's 108 strategy map (7 objectives and their measures),
each KPI tied to an indicator whose 108 value is an observation of the indicators demo.

`load()` is idempotent: objectives and KPIs are created or updated by (code, year).
"""

from pathlib import Path

from . import services

STRATEGY = Path(__file__).resolve().parent / "demo_data" / "strategy.csv"


def load() -> None:
    """Create or update the demo objectives and KPIs."""
    services.load_strategy(STRATEGY)
