"""Importing an existing document system's export (CSV, XLSX or ODS).

Columns (header row; * required):
  number            府秘文字第1080000001號 (blank: the next number is given)
  office*           city / secretariat (or 本府 / 本處)
  direction*        incoming / outgoing (or 收文 / 發文)
  division*         handling unit code (e.g. documents) or name
  handler           username of the handler
  sender            sender agency short name (e.g. 都發局); required for incoming
  received_on       date of receipt (108/7/1, 1080701 or 2019-07-01); required for incoming
  registered_on     date the number was given (defaults to received_on)
  subject*          subject
  speed             最速件 / 速件 / 普通件 (or most_urgent / urgent / ordinary); default 普通件
  classification    密 / 機密 / 極機密 / 絕對機密 (blank: none)
  declassification  declassification condition
  stated_deadline   a deadline stated by the sender
  project_control   是 / 否 (yes / no)
  medium            paper / electronic (紙本 / 電子)
  handling_mode     paper / online / scanned
  recipients        recipients of the dispatch
  dispatched_on     dispatch date (the document is then closed as dispatched)
  seal_uses         number of seal uses

Every row is checked (dates before receipt, duplicate numbers in the file or the register,
unknown agency, unit or handler); if any row is bad nothing is written and every bad row is
listed. A valid file is written through the bulk path with one `DocumentBatch` per 5,000 rows.
"""

import functools
import re
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.imports import RowError, RowInvalid, cell_int, require
from mishu.core.models import Agency, Division
from mishu.core.workdays import office_calendar

from .bulk import INDEX, iso, new_row
from .choices import (
    OFFICE_PREFIX,
    Classification,
    Direction,
    HandlingMode,
    Medium,
    Office,
    Speed,
    State,
)
from .deadlines import classify, compute_deadline
from .models import Document
from .models.document import format_number
from .services import validate_dates

COLUMNS = (
    "number", "office", "direction", "division", "handler", "sender", "received_on",
    "registered_on", "subject", "speed", "classification", "declassification",
    "stated_deadline", "project_control", "medium", "handling_mode", "recipients",
    "dispatched_on", "seal_uses",
)  # fmt: skip
REQUIRED = ("office", "direction", "division", "subject")
EXAMPLE = (
    "府秘文字第1080000001號", "city", "incoming", "documents", "", "都發局", "108/7/1", "",
    "函詢市政業務辦理情形", "普通件", "", "", "", "否", "electronic", "online",
    "臺北市政府各機關", "108/7/3", "1",
)  # fmt: skip
NUMBER = re.compile(r"(?P<prefix>\D+)第(?P<year>\d{3})(?P<serial>\d{7})號")
SEAL_USES = Document._meta.get_field("seal_uses")
PREFIX_OFFICE = {prefix: office for office, prefix in OFFICE_PREFIX.items()}
_STATE, _DISPATCHED_ON, _CLOSED_ON, _DAYS_USED, _TIMELINESS = (
    INDEX[c] for c in ("state", "dispatched_on", "closed_on", "days_used", "timeliness")
)
DISPATCHED, RECEIVED, DRAFTING = (
    str(s) for s in (State.DISPATCHED, State.RECEIVED, State.DRAFTING)
)
INCOMING = str(Direction.INCOMING)
YES = {"是", "yes", "y", "true", "1"}
NO = {"否", "no", "n", "false", "0", ""}


@functools.lru_cache(maxsize=64)
def _lookup(choices, language: str) -> dict:
    """Code and label words → code; built once per language (labels are lazy translations)."""
    table = {}
    for code, label in choices.choices:
        text = str(label)
        table[text] = code
        # "Most urgent (最速件)": the Chinese word in brackets and the English words alone
        if "(" in text:
            english, _sep, rest = text.partition("(")
            table.setdefault(english.strip(), code)
            table.setdefault(rest.rstrip(")").strip(), code)
        table[code] = code
    return table


def _choice(value, choices, column, aliases=None, language=None):
    value = (value or "").strip()
    if aliases and value in aliases:
        return aliases[value]
    code = _lookup(choices, language or get_language() or "")
    if value in code:
        return code[value]
    raise RowInvalid(_("Unknown value “%(v)s”.") % {"v": value}, column)


def _date(row, column, memo: dict):
    text = (row.get(column) or "").strip()
    if not text:
        return None
    day = memo.get(text)  # a file holds few distinct dates: parse each once
    if day is None:
        try:
            day = memo[text] = formats.parse_date(text, field=column)
        except formats.FormatError as exc:
            raise RowInvalid(str(exc), column) from exc
    return day


class Importer:
    """Validates rows against the register and each other; caches look-ups for large files."""

    def __init__(self, user):
        self.user = user
        self.calendar = office_calendar()
        self.agencies = {a.short_name: a.pk for a in Agency.objects.all()}
        self.agencies.update({a.name: a.pk for a in Agency.objects.all()})
        self.divisions = {}
        for d in Division.objects.all():
            self.divisions.update({d.code: d.pk, d.name: d.pk, d.short_name: d.pk})
        # handlers: only the people the importing user may name (permissions.related_choices)
        people = rights.related_choices(
            get_user_model().objects.all(), user, model=Document, name="handler", action=rights.ADD
        )
        self.users = dict(people.values_list("username", "pk"))
        self.seen: dict[str, int] = {}
        self.language = get_language() or ""
        self.allowed: dict[int, bool] = {}
        self.deadlines: dict = {}
        self.used: dict = {}
        self.dates: dict = {}
        self.choices: dict = {}
        self.user_id = getattr(user, "pk", None)

    def prepare(self, row: dict) -> list:
        """One row → a bulk row (list), or RowInvalid naming the column."""
        require(row, REQUIRED)
        office = self._choice(
            row["office"], Office, "office", {"本府": "city", "本處": "secretariat"}
        )
        direction = self._choice(
            row["direction"],
            Direction,
            "direction",
            {"收文": "incoming", "發文": "outgoing"},
        )
        division = self.divisions.get(row["division"].strip())
        if division is None:
            raise RowInvalid(_("Unknown unit “%(v)s”.") % {"v": row["division"]}, "division")
        if division not in self.allowed:
            self.allowed[division] = rights.can_add_to(self.user, division)
        if not self.allowed[division]:
            raise RowInvalid(_("You may not add documents for this unit."), "division")
        sender = None
        if (row.get("sender") or "").strip():
            sender = self.agencies.get(row["sender"].strip())
            if sender is None:
                raise RowInvalid(_("Unknown agency “%(v)s”.") % {"v": row["sender"]}, "sender")
        handler = None
        if (row.get("handler") or "").strip():
            handler = self.users.get(row["handler"].strip())
            if handler is None:
                raise RowInvalid(_("Unknown handler “%(v)s”.") % {"v": row["handler"]}, "handler")
        # a plain namespace, not a model instance: validate_dates reads only these attributes
        doc = SimpleNamespace(
            direction=direction,
            sender_id=sender,
            received_on=_date(row, "received_on", self.dates),
            registered_on=_date(row, "registered_on", self.dates),
            stated_deadline=_date(row, "stated_deadline", self.dates),
            dispatched_on=_date(row, "dispatched_on", self.dates),
        )
        doc.registered_on = doc.registered_on or doc.received_on
        if doc.registered_on is None:
            raise RowInvalid(_("Give the date of receipt or registration."), "registered_on")
        try:
            validate_dates(doc)
        except ValidationError as exc:
            column, messages = next(iter(exc.message_dict.items()))
            raise RowInvalid("；".join(messages), column) from exc
        speed = self._choice(row.get("speed") or "ordinary", Speed, "speed")
        classification = ""
        if (row.get("classification") or "").strip():
            classification = self._choice(row["classification"], Classification, "classification")
        flag = (row.get("project_control") or "").strip().lower()
        if flag not in YES | NO:
            raise RowInvalid(_("Write 是 or 否."), "project_control")
        medium = self._choice(
            row.get("medium") or "electronic",
            Medium,
            "medium",
            {"紙本": "paper", "電子": "electronic"},
        )
        mode = self._choice(row.get("handling_mode") or "online", HandlingMode, "handling_mode")
        seals = cell_int(row, "seal_uses", blank_ok=True, field=SEAL_USES) or 0
        number, year, serial = self._number(row, office)
        start = doc.received_on or doc.registered_on
        key = (start, speed, doc.stated_deadline, flag in YES)
        deadline = self.deadlines.get(key)
        if deadline is None:  # memoised: a file holds few distinct dates
            deadline = self.deadlines[key] = compute_deadline(self.calendar, *key)
        row_out = new_row(
            division_id=division,
            office=office,
            year=year,
            serial=serial,
            number=number,
            direction=direction,
            subject=row["subject"].strip()[:500],
            sender_id=sender,
            registered_on=iso(doc.registered_on),
            received_on=iso(doc.received_on),
            speed=speed,
            classification=classification,
            declassification=(row.get("declassification") or "").strip()[:200],
            stated_deadline=iso(doc.stated_deadline),
            project_control=flag in YES,
            medium=medium,
            handling_mode=mode,
            handler_id=handler,
            recipients=(row.get("recipients") or "").strip()[:500],
            seal_uses=seals,
            deadline=iso(deadline),
            created_by_id=self.user_id,
        )
        if doc.dispatched_on:
            closed = iso(doc.dispatched_on)
            row_out[_STATE] = DISPATCHED
            row_out[_DISPATCHED_ON] = row_out[_CLOSED_ON] = closed
            row_out[_DAYS_USED] = self._days_used(start, doc.dispatched_on)
            row_out[_TIMELINESS] = str(classify(deadline, doc.dispatched_on))
        else:
            row_out[_STATE] = RECEIVED if direction == INCOMING else DRAFTING
        return row_out

    def _choice(self, value, choices, column, aliases=None):
        """`_choice`, memoised: a file repeats the same few words in each coded column."""
        key = (column, value)
        found = self.choices.get(key)
        if found is None:
            try:
                found = _choice(value, choices, column, aliases, language=self.language)
            except RowInvalid as exc:
                found = exc
            self.choices[key] = found
        if isinstance(found, RowInvalid):
            raise found
        return found

    def _days_used(self, start, end):
        key = (start, end)
        if key not in self.used:
            self.used[key] = str(self.calendar.days_used(start, end))
        return self.used[key]

    def _number(self, row, office):
        text = (row.get("number") or "").strip()
        if not text:
            return None, None, None  # numbered on write
        match = NUMBER.fullmatch(text)
        if match is None or PREFIX_OFFICE.get(match["prefix"]) != office:
            raise RowInvalid(
                _("“%(v)s” is not a number of this office (e.g. %(e)s).")
                % {"v": text, "e": format_number(office, 108, 1)},
                "number",
            )
        if text in self.seen:
            raise RowInvalid(
                _("The number %(n)s is also in row %(r)s.") % {"n": text, "r": self.seen[text]},
                "number",
            )
        self.seen[text] = row["_row"]
        return text, int(match["year"]), int(match["serial"])

    def taken(self, numbers) -> set[str]:
        """Those of `numbers` the register already holds (asked in chunks, not row by row)."""
        numbers = list(numbers)
        found = set()
        for start in range(0, len(numbers), 2000):
            chunk = numbers[start : start + 2000]
            found.update(Document.objects.filter(number__in=chunk).values_list("number", flat=True))
        return found


def validate(
    rows: list[dict], user, progress=None, *, register_check: bool = True
) -> tuple[list, list[RowError]]:
    """Check every row; returns (prepared rows, errors). `progress(done)` is called as it goes.

    `register_check=False` leaves out the look-up of the file's numbers in the register when
    every row is otherwise valid: the writer then relies on the register's unique constraint
    and asks again with the check if the write is refused (`jobs.import_rows`). With errors the
    check always runs, so that the report lists every bad row at once."""
    importer = Importer(user)
    prepared, errors = [], []
    for i, row in enumerate(rows, 1):
        try:
            prepared.append(importer.prepare(row))
        except RowInvalid as exc:
            errors.append(RowError(row["_row"], exc.message, exc.column))
        if progress and i % 1000 == 0:
            progress(i)
    if register_check or errors:
        # Numbers the register already holds: one query per 2,000 numbers.
        for number in sorted(importer.taken(importer.seen), key=importer.seen.get):
            message = _("The number %(n)s is already used.") % {"n": number}
            errors.append(RowError(importer.seen[number], message, "number"))
        errors.sort(key=lambda e: e.row)
    return prepared, errors
