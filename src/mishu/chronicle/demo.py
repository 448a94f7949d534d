"""Demo data of the chronicle: every dated event of the secretariat's 108H2 work report (and the
108H1 events its full-year sentences mention), one record per fact.

`load()` is idempotent: an event is identified by division, category, date and title.
"""

import csv
from pathlib import Path

from mishu.core import formats
from mishu.core.models import Division

from .models import Event

EVENTS = Path(__file__).resolve().parent / "demo_data" / "events.csv"
NUMBERS = ("persons", "sessions", "groups")
TEXTS = ("description", "place", "people")


def rows() -> list[dict]:
    """The demo events as dicts of text, as in the CSV."""
    with EVENTS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load() -> None:
    """Create or update the demo events."""
    divisions = {d.code: d for d in Division.objects.all()}
    for row in rows():
        defaults = {col: row.get(col, "") for col in TEXTS}
        defaults["end_date"] = formats.parse_date(row["end_date"]) if row.get("end_date") else None
        for col in NUMBERS:
            defaults[col] = int(row[col]) if row.get(col) else None
        Event.objects.update_or_create(
            division=divisions[row["division"]],
            category=row["category"],
            start_date=formats.parse_date(row["start_date"]),
            title=row["title"],
            defaults=defaults,
        )
