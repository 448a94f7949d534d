"""Importing the building's records from a table (CSV, XLSX, ODS), all or nothing.

Monthly meter readings depend on the previous month's, also when that one is in the same file:
one `ReadingImporter` is made per upload and remembers, per meter, the last reading it accepted,
so a file of several months in order is checked as a whole before anything is written.

The many small parts a clerk would otherwise type one by one: the returned questionnaires of a
satisfaction survey and the vendors' applications to a stall call.

A row names its survey or call by title; the part takes that record's division, and each row is
checked by the model's own rules (the same messages as the form), plus the file's duplicates.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core.imports import RowInvalid, cell_decimal, cell_int, references, require

from .models import (
    Meter,
    MeterReading,
    SatisfactionSurvey,
    StallApplication,
    StallCall,
    SurveyResponse,
)
from .services.energy import save_reading

COLUMNS = ("meter", "month", "reading", "meter_changed")
REQUIRED = ("meter", "month", "reading")
EXAMPLE = ("市政大樓總電表", "108-07", "1234567", "")
CHANGED = {"1", "yes", "true", "y", "是", "v"}  # meter_changed: a new meter


def parse_month(text: str):
    """`108-07`, `2019-07`, `108/7/1`, `108 年 7 月 1 日`: the first day of that month."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{2,4}-\d{1,2}", text):
            return formats.Period.parse(text, field="month").start
        return formats.parse_date(text, field="month").replace(day=1)
    except formats.FormatError as exc:
        raise RowInvalid(str(exc), "month") from exc


class ReadingImporter:
    """`prepare(row, user)` → an unsaved, checked MeterReading; `write(readings)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.last = {}  # meter pk -> (month, reading) of the last row accepted
        self.seen = set()

    def prepare(self, row: dict, user) -> MeterReading:
        require(row, REQUIRED)
        name = row["meter"].strip()
        # another division's meter is as unknown as one that does not exist
        meter = references(Meter, user).filter(Q(name=name) | Q(number=name)).first()
        if meter is None:
            raise RowInvalid(_("Unknown meter “%(v)s”.") % {"v": name}, "meter")
        month = parse_month(row["month"])
        reading = cell_decimal(
            row, "reading", negative=False, field=MeterReading._meta.get_field("reading")
        )
        changed = (row.get("meter_changed") or "").strip().lower() in CHANGED
        if (meter.pk, month) in self.seen or MeterReading.objects.filter(
            meter=meter, month=month
        ).exists():
            raise RowInvalid(
                _("%(m)s already has a reading for %(month)s.")
                % {"m": meter, "month": f"{month:%Y-%m}"},
                "month",
            )
        prev = self.last.get(meter.pk)
        if prev is None or prev[0] > month:
            db = (
                MeterReading.objects.filter(meter=meter, month__lt=month).order_by("-month").first()
            )
            prev = (db.month, db.reading) if db else None
        if prev and reading < prev[1] and not changed:
            raise RowInvalid(
                _(
                    "The reading %(new)s is lower than the previous one (%(old)s, %(month)s); "
                    "mark it as a meter change if the meter was replaced."
                )
                % {"new": reading, "old": prev[1], "month": f"{prev[0]:%Y-%m}"},
                "reading",
            )
        self.seen.add((meter.pk, month))
        if prev is None or month > prev[0]:
            self.last[meter.pk] = (month, reading)
        return MeterReading(
            division=meter.division,
            meter=meter,
            month=month,
            reading=reading,
            meter_changed=changed,
            created_by=user,
        )

    def write(self, readings: list[MeterReading]) -> int:
        """Save in month order (each through the service, so usage and the log follow)."""
        for reading in sorted(readings, key=lambda r: (r.meter_id, r.month)):
            save_reading(reading)
        return len(readings)


YES = {"1", "yes", "true", "y", "是", "v", "合格"}
NO = {"", "0", "no", "false", "n", "否", "不合格"}


def _parent(model, row, col, user):
    title = row[col].strip()
    obj = references(model, user).filter(title=title).first()
    if obj is None:
        raise RowInvalid(_("Unknown %(what)s “%(v)s”.") % {"what": col, "v": title}, col)
    return obj


def _checked(obj, columns):
    """The model's own validation; a message names the column of the field it is about."""
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise RowInvalid(" ".join(messages), columns.get(field, "")) from None
    return obj


class ResponseImporter:
    """Rows `survey, number, score` (score blank for a questionnaire without one)."""

    COLUMNS = ("survey", "number", "score")
    REQUIRED = ("survey", "number")
    EXAMPLE = ("108 年員工對市政大樓服務設施滿意度問卷調查", "1", "4")

    def __init__(self):
        self.seen = set()

    def prepare(self, row, user) -> SurveyResponse:
        require(row, self.REQUIRED)
        survey = _parent(SatisfactionSurvey, row, "survey", user)
        number = cell_int(row, "number")
        score = cell_int(row, "score", blank_ok=True)
        key = (survey.pk, number)
        if key in self.seen or survey.responses.filter(number=number).exists():
            raise RowInvalid(
                _("Questionnaire %(n)s of this survey is already recorded.") % {"n": number},
                "number",
            )
        self.seen.add(key)
        obj = SurveyResponse(
            division=survey.division, survey=survey, number=number, score=score, created_by=user
        )
        return _checked(obj, {"survey": "survey", "number": "number", "score": "score"})

    def write(self, responses) -> int:
        for obj in responses:
            obj.save()
        return len(responses)


class ApplicationImporter:
    """Rows `call, vendor, applied_on, qualified, note`."""

    COLUMNS = ("call", "vendor", "applied_on", "qualified", "note")
    REQUIRED = ("call", "vendor", "applied_on")
    EXAMPLE = ("108 年下半年度市府生活廣場臨時攤位招商", "示範商行", "108/3/15", "是", "")

    def __init__(self):
        self.seen = set()

    def prepare(self, row, user) -> StallApplication:
        require(row, self.REQUIRED)
        call = _parent(StallCall, row, "call", user)
        vendor = row["vendor"].strip()
        try:
            applied_on = formats.parse_date(row["applied_on"], field="applied_on")
        except formats.FormatError as exc:
            raise RowInvalid(str(exc), "applied_on") from None
        flag = (row.get("qualified") or "").strip().lower()
        if flag not in YES | NO:
            raise RowInvalid(
                _("qualified must be yes or no, not “%(v)s”.") % {"v": row["qualified"]},
                "qualified",
            )
        key = (call.pk, vendor)
        if key in self.seen or call.applications.filter(vendor=vendor).exists():
            raise RowInvalid(_("%(v)s has already applied to this call.") % {"v": vendor}, "vendor")
        self.seen.add(key)
        obj = StallApplication(
            division=call.division,
            call=call,
            vendor=vendor,
            applied_on=applied_on,
            qualified=flag in YES,
            note=(row.get("note") or "").strip(),
            created_by=user,
        )
        columns = {f: f for f in self.COLUMNS}
        return _checked(obj, columns)

    def write(self, applications) -> int:
        for obj in applications:
            obj.save()
        return len(applications)
