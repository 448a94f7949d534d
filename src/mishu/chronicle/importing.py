"""Importing chronicle events from a table (CSV, XLSX, ODS) through the generic import path."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_int, require
from mishu.core.models import Division

from .choices import EventCategory
from .models import Event

COLUMNS = Event.ENTERED_FIELDS
REQUIRED = ("division", "category", "start_date", "title")
EXAMPLE = (
    "international",
    "visit",
    "108/7/15",
    "",
    "美國鳳凰城市長來府拜會",
    "",
    "市政大樓",
    "",
    "8",
    "",
    "1",
)
NUMBERS = ("persons", "sessions", "groups")


def _division(value: str) -> Division:
    division = (
        Division.objects.filter(code=value).first()
        or Division.objects.filter(name=value).first()
        or Division.objects.filter(short_name=value).first()
    )
    if division is None:
        raise RowInvalid(_("Unknown division “%(v)s”.") % {"v": value}, "division")
    return division


def _category(value: str) -> str:
    for code, label in EventCategory.choices:
        if value in (code, str(label)):
            return code
    raise RowInvalid(_("Unknown category “%(v)s”.") % {"v": value}, "category")


def prepare(row: dict, user) -> Event:
    """One row → an unsaved, validated Event (RowInvalid when anything is wrong)."""
    require(row, REQUIRED)
    division = _division(row["division"])
    if not rights.can_add_to(user, division.pk):
        raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
    values = {"division": division, "category": _category(row["category"]), "created_by": user}
    for col in ("start_date", "end_date"):
        if row.get(col):
            try:
                values[col] = formats.parse_date(row[col], field=col)
            except formats.FormatError as exc:
                raise RowInvalid(str(exc), col) from exc
    for col in NUMBERS:
        if row.get(col):
            values[col] = cell_int(row, col, field=Event._meta.get_field(col))
    for col in ("title", "description", "place", "people"):
        values[col] = row.get(col, "")
    event = Event(**values)
    try:
        event.full_clean()
    except ValidationError as exc:
        col, messages = next(iter(exc.message_dict.items()))
        raise RowInvalid("；".join(messages), col) from exc
    return event


def write(events: list[Event]) -> int:
    """Save the prepared events (one at a time, so that each is in the change log)."""
    for event in events:
        event.save()
    return len(events)
