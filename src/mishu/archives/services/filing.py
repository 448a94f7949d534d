"""Filing (歸檔): a closed document of the office becomes an item of one of its case files."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core import permissions as rights

from ..choices import CaseState, Medium
from ..models import ArchiveClass, ArchiveItem, CaseFile


def _writable(user, obj):
    if not rights.can(user, rights.CHANGE, obj):
        raise PermissionDenied


def open_case_file(
    user, archive_class: ArchiveClass, year: int, subject: str, **fields
) -> CaseFile:
    """A new case file of the class in the ROC year, with the next case number (案次號)."""
    if not rights.can_add_to(user, archive_class.division_id):
        raise PermissionDenied
    with transaction.atomic():
        last = (
            CaseFile.objects.select_for_update()
            .filter(division_id=archive_class.division_id, year=year, archive_class=archive_class)
            .aggregate(n=Max("case_no"))["n"]
        )
        case = CaseFile(
            division_id=archive_class.division_id,
            archive_class=archive_class,
            year=year,
            case_no=(last or 0) + 1,
            subject=subject,
            created_by=user,
            **fields,
        )
        case.full_clean()
        case.save()
    return case


def file_document(
    user, document, case_file: CaseFile, *, volume_no: int = 1, filed_on=None, medium=None
) -> ArchiveItem:
    """File a closed document of the case file's office as its next item (目次號)."""
    if case_file.division_id != document.division_id:
        raise ValidationError(_("Only documents of the case file's own division can be filed."))
    if document.closed_on is None:
        raise ValidationError(_("Only closed documents can be filed."))
    if case_file.state != CaseState.KEPT:
        raise ValidationError(_("This case file is no longer kept."))
    _writable(user, case_file)
    with transaction.atomic():
        case = CaseFile.objects.select_for_update().get(pk=case_file.pk)
        if ArchiveItem.objects.filter(document=document).exists():
            raise ValidationError(_("This document is already filed."))
        last = ArchiveItem.objects.filter(case_file=case, volume_no=volume_no).aggregate(
            n=Max("item_no")
        )["n"]
        item = ArchiveItem(
            division_id=case.division_id,
            case_file=case,
            document=document,
            volume_no=volume_no,
            item_no=(last or 0) + 1,
            subject=document.subject,
            doc_date=document.closed_on,
            filed_on=filed_on or timezone.localdate(),
            medium=medium or (Medium.PAPER if document.medium == "paper" else Medium.ELECTRONIC),
            classified=bool(document.classification),
            created_by=user,
        )
        item.full_clean(exclude=["file_code"])
        item.save()
        note_latest(case, item.doc_date)
    return item


def note_latest(case: CaseFile, day: datetime.date) -> None:
    """Move the case file's latest document date (and so its due date) forward to `day`."""
    changed = False
    if case.latest_on is None or day > case.latest_on:
        case.latest_on = day
        changed = True
    if changed:
        case.compute_due()
        case.save(update_fields=["latest_on", "due_on", "last_updated"])


def retention_due(user, on: datetime.date | None = None, division=None):
    """Kept case files whose retention has run out by `on` (default today), per office."""
    on = on or timezone.localdate()
    qs = CaseFile.objects.restrict(user, rights.VIEW).filter(
        state=CaseState.KEPT, due_on__isnull=False, due_on__lte=on
    )
    if division is not None:
        qs = qs.filter(division=division)
    # in the order of the partial index archives_case_due: the first page is an index walk
    return qs.select_related("archive_class", "division").order_by("division_id", "due_on", "id")


def transfer_due(user, year: int | None = None):
    """Kept permanent case files due for transfer (移轉) by the Gregorian `year`: 25 years after
    their latest document."""
    from ..choices import Retention
    from ..models.catalogue import TRANSFER_AFTER_YEARS

    year = year or timezone.localdate().year
    return CaseFile.objects.restrict(user, rights.VIEW).filter(
        state=CaseState.KEPT,
        archive_class__retention=Retention.PERMANENT,
        latest_on__lt=datetime.date(year - TRANSFER_AFTER_YEARS + 1, 1, 1),
    )


def transfer(user, division, case_files, *, title: str, on, approval_no: str):
    """Record the transfer of permanent case files due for it (25 years after their latest
    document) to the national archives; each file is marked transferred, in the change log."""
    from ..models import Transfer

    if not rights.can_add_to(user, division.pk):
        raise PermissionDenied
    if not (approval_no or "").strip():
        raise ValidationError({"approval_no": _("The approval number is required.")})
    due = set(transfer_due(user, on.year).filter(division=division).values_list("pk", flat=True))
    with transaction.atomic():
        files = list(CaseFile.objects.select_for_update().filter(pk__in=[c.pk for c in case_files]))
        if not files:
            raise ValidationError(_("Choose at least one case file."))
        for case in files:
            if case.pk not in due:
                raise ValidationError(_("%(c)s is not due for transfer.") % {"c": case})
        record = Transfer.objects.create(
            division=division,
            title=title,
            transferred_on=on,
            approval_no=approval_no.strip(),
            cases=len(files),
            created_by=user,
        )
        for case in files:
            case.state, case.transfer = CaseState.TRANSFERRED, record
            case.save(update_fields=["state", "transfer", "last_updated"])
    return record
