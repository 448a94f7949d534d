"""Imports (CSV, XLSX, ODS; all or nothing, every rejected row reported, template download):

- agencies' destruction lists received as files (`AgencyListImporter`): one row per list with
  its counts (件/案/卷); a first-review date records the secretariat's first review;
- an older catalogue (`CatalogueImporter`): items of case files under the office's
  classification scheme, for archives kept before the register (no document to link).

The division is the importing clerk's own.
"""

from django.utils.translation import gettext as _

from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_date, cell_int, checked, find_agency, require

from .choices import CaseState, ListSource, ListState, Medium
from .models import ArchiveClass, ArchiveItem, CaseFile, DestructionList, DestructionStep


def _division(user):
    division = getattr(user, "division", None)
    if division is None or not rights.can_add_to(user, division.pk):
        raise RowInvalid(_("You may not add records for this division."), "division")
    return division


def _count(row, col):
    value = cell_int(row, col)
    if value < 0:
        raise RowInvalid(_("%(col)s cannot be negative.") % {"col": col}, col)
    return value


class AgencyListImporter:
    """`prepare(row, user)` → an unsaved DestructionList; `write(lists)` saves them one by one
    (each in the change log) with the first-review step where its date is given."""

    COLUMNS = (
        "agency",
        "title",
        "received_on",
        "items",
        "cases",
        "volumes",
        "first_reviewed_on",
        "note",
    )
    REQUIRED = ("agency", "title", "received_on", "items", "cases", "volumes")
    EXAMPLE = (
        "財政局",
        "財政局 108 年檔案銷毀目錄",
        "108/8/1",
        "34302",
        "48",
        "2428",
        "108/8/6",
        "",
    )

    def prepare(self, row: dict, user):
        require(row, self.REQUIRED)
        reviewed = cell_date(row, "first_reviewed_on")
        received = cell_date(row, "received_on")
        if reviewed and reviewed < received:
            raise RowInvalid(_("The first review cannot be before receipt."), "first_reviewed_on")
        dlist = checked(
            DestructionList(
                division=_division(user),
                agency=find_agency(row.get("agency")),
                source=ListSource.AGENCY,
                title=row["title"].strip()[:300],
                received_on=received,
                items=_count(row, "items"),
                cases=_count(row, "cases"),
                volumes=_count(row, "volumes"),
                state=ListState.FIRST_REVIEWED if reviewed else ListState.RECEIVED,
                first_reviewed_on=reviewed,
                note=(row.get("note") or "").strip()[:500],
                created_by=user,
            )
        )
        return dlist

    def write(self, lists) -> int:
        for dlist in lists:
            dlist.save()
            if dlist.first_reviewed_on:
                DestructionStep.objects.create(
                    destruction_list=dlist,
                    name="first_review",
                    from_state=ListState.RECEIVED,
                    to_state=ListState.FIRST_REVIEWED,
                    on=dlist.first_reviewed_on,
                    user=dlist.created_by,
                    note=_("imported"),
                )
        return len(lists)


MEDIA = {"紙本": Medium.PAPER, "電子": Medium.ELECTRONIC, **{m: m for m in Medium.values}}


class CatalogueImporter:
    """Items of an older catalogue: the case file (year, class, case number, case subject) is
    found or opened, and the item's 檔號 is given by its volume and item numbers."""

    COLUMNS = (
        "year",
        "class_code",
        "case_no",
        "case_subject",
        "volume_no",
        "item_no",
        "subject",
        "doc_date",
        "filed_on",
        "medium",
        "pages",
    )
    REQUIRED = ("year", "class_code", "case_no", "case_subject", "item_no", "subject", "doc_date")
    EXAMPLE = (
        "85",
        "0101",
        "3",
        "85 年收發文",
        "1",
        "1",
        "函送會議紀錄",
        "85/3/10",
        "85/12/30",
        "紙本",
        "4",
    )

    def __init__(self):
        self.codes = set()

    def prepare(self, row: dict, user):
        require(row, self.REQUIRED)
        division = _division(user)
        klass = ArchiveClass.objects.filter(
            division=division, code=row["class_code"].strip()
        ).first()
        if klass is None:
            raise RowInvalid(
                _("No class %(v)s in your classification scheme.") % {"v": row["class_code"]},
                "class_code",
            )
        medium = MEDIA.get((row.get("medium") or "紙本").strip())
        if medium is None:
            raise RowInvalid(_("Unknown medium “%(v)s”.") % {"v": row["medium"]}, "medium")
        doc_date = cell_date(row, "doc_date")
        case = CaseFile(
            division=division,
            year=cell_int(row, "year"),
            archive_class=klass,
            case_no=cell_int(row, "case_no"),
            subject=row["case_subject"].strip()[:300],
            medium=medium,
        )
        item = ArchiveItem(
            division=division,
            case_file=case,
            volume_no=cell_int(row, "volume_no", blank_ok=True) or 1,
            item_no=cell_int(row, "item_no"),
            subject=row["subject"].strip()[:500],
            doc_date=doc_date,
            filed_on=cell_date(row, "filed_on") or doc_date,
            medium=medium,
            pages=cell_int(row, "pages", blank_ok=True) or 1,
            created_by=user,
        )
        if item.item_no < 1 or item.volume_no < 1 or case.case_no < 1 or case.year < 1:
            raise RowInvalid(_("Numbers in a file code start at 1."), "item_no")
        code = item.make_code()
        existing = CaseFile.objects.filter(
            division=division, year=case.year, archive_class=klass, case_no=case.case_no
        ).first()
        if code in self.codes or (
            existing
            and ArchiveItem.objects.filter(
                case_file=existing, volume_no=item.volume_no, item_no=item.item_no
            ).exists()
        ):
            raise RowInvalid(_("File code %(c)s is already used.") % {"c": code}, "item_no")
        if existing and existing.state != CaseState.KEPT:
            raise RowInvalid(_("This case file is no longer kept."), "case_no")
        self.codes.add(code)
        return item

    def write(self, items) -> int:
        """Open the case files the rows name (once each), then save the items, each logged."""
        from .services.filing import note_latest

        cases = {}
        for item in items:
            c = item.case_file
            key = (c.division_id, c.year, c.archive_class_id, c.case_no)
            if key not in cases:
                cases[key], _created = CaseFile.objects.get_or_create(
                    division_id=c.division_id,
                    year=c.year,
                    archive_class_id=c.archive_class_id,
                    case_no=c.case_no,
                    defaults={
                        "subject": c.subject,
                        "medium": c.medium,
                        "created_by": item.created_by,
                    },
                )
            item.case_file = cases[key]
            item.save()
            note_latest(cases[key], item.doc_date)
        return len(items)
