"""Importing the many small parts a clerk would otherwise type one by one, all or nothing: the
returned questionnaires of a satisfaction survey and the vendors' applications to a stall call.

A row names its survey or call by title; the part takes that record's division, and each row is
checked by the model's own rules (the same messages as the form), plus the file's duplicates.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core.imports import RowInvalid, cell_int, references, require

from .models import SatisfactionSurvey, StallApplication, StallCall, SurveyResponse

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
