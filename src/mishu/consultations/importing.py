"""Importing the counters' figures from a table (CSV, XLSX, ODS) through the generic import
path: e.g. a month's professional consultations from the guilds' sheets, one row per day and
field with its count. Every row is checked; nothing is written if any row is bad."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from mishu.core import formats
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_int, require
from mishu.core.models import Division

from . import models
from .choices import CONSULTATION_MEMBERS, COORDINATION_MEMBERS, COUNTER_MEMBERS


class TallyImporter:
    """Rows of `division, date, <choice column>, <number columns…>, <text columns…>`.

    A choice is accepted as its code, its label or the report's member name (e.g. 法律諮詢)."""

    def __init__(self, model, choice=None, members=None, numbers=("count",), texts=(), example=()):
        self.model, self.choice, self.members = model, choice, members or {}
        self.numbers, self.texts = numbers, texts
        self.COLUMNS = ("division", "date", *((choice,) if choice else ()), *numbers, *texts)
        self.REQUIRED = ("division", "date", *((choice,) if choice else ()), *numbers[:1])
        self.EXAMPLE = example

    def _choice(self, value: str) -> str:
        field = self.model._meta.get_field(self.choice)
        for code, label in field.choices:
            if value in (code, str(label), self.members.get(code)):
                return code
        raise RowInvalid(
            _("Unknown %(col)s “%(v)s”.") % {"col": self.choice, "v": value}, self.choice
        )

    def prepare(self, row: dict, user):
        """One row → an unsaved, validated record (RowInvalid naming the column otherwise)."""
        require(row, self.REQUIRED)
        division = (
            Division.objects.filter(code=row["division"]).first()
            or Division.objects.filter(short_name=row["division"]).first()
        )
        if division is None:
            raise RowInvalid(_("Unknown division “%(v)s”.") % {"v": row["division"]}, "division")
        if not rights.can_add_to(user, division.pk):
            raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
        try:
            values = {"date": formats.parse_date(row["date"], field="date")}
        except formats.FormatError as exc:
            raise RowInvalid(str(exc), "date") from exc
        values.update(division=division, created_by=user)
        if self.choice:
            values[self.choice] = self._choice(row[self.choice])
        for col in self.numbers:
            value = cell_int(row, col, blank_ok=True, field=self.model._meta.get_field(col))
            if value is not None:
                values[col] = value
        for col in self.texts:
            values[col] = row.get(col, "")
        record = self.model(**values)
        try:
            record.full_clean()
        except ValidationError as exc:
            col, messages = next(iter(exc.message_dict.items()))
            raise RowInvalid("；".join(messages), col) from exc
        return record

    def write(self, records) -> int:
        """Save the prepared records one by one, so that each is in the change log."""
        for record in records:
            record.save()
        return len(records)


IMPORTERS = {
    models.CounterContact: TallyImporter(
        models.CounterContact,
        "category",
        COUNTER_MEMBERS,
        example=("citizen-services", "108/7/1", "民政", "12"),
    ),
    models.CoordinatedPetition: TallyImporter(
        models.CoordinatedPetition,
        "kind",
        COORDINATION_MEMBERS,
        texts=("subject",),
        example=("citizen-services", "108/7/1", "協處市民個別陳情", "1", "違建查報"),
    ),
    models.ProfessionalConsultation: TallyImporter(
        models.ProfessionalConsultation,
        "field",
        CONSULTATION_MEMBERS,
        texts=("adviser",),
        example=("citizen-services", "108/7/1", "法律諮詢", "32", "臺北律師公會"),
    ),
    models.VolunteerService: TallyImporter(
        models.VolunteerService,
        numbers=("persons_served", "leaflets", "trainings", "awards"),
        texts=("note",),
        example=("citizen-services", "108/7/1", "620", "310", "0", "0", ""),
    ),
}
