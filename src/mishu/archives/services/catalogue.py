"""The catalogue submission (目錄彙送): twice a year the office sends the national archives the
catalogue of its case files and items new in the half-year, classified ones left out; the file
built here is what is sent, and the submission's count is its rows."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from mishu.core import permissions as rights
from mishu.core.exports import write_table
from mishu.core.formats import Period, format_date

from ..models import ArchiveItem, CatalogueSubmission

HEADER = ["機關代碼", "檔號", "案名", "文件主旨", "文件日期", "保存年限", "媒體型式", "頁數"]


def submission_items(division, year: int, half: int):
    """The items a half-year's submission carries: filed in the half-year, not classified."""
    period = Period("half", year + 1911, half)
    return (
        ArchiveItem.objects.filter(
            division=division, filed_on__range=(period.start, period.end), classified=False
        )
        .select_related("case_file__archive_class")
        .order_by("file_code")
    )


def catalogue_rows(division, year: int, half: int, agency_code: str):
    for item in submission_items(division, year, half).iterator(chunk_size=2000):
        case = item.case_file
        yield [
            agency_code,
            item.file_code,
            case.subject,
            item.subject,
            format_date(item.doc_date),
            case.archive_class.get_retention_display(),
            item.get_medium_display(),
            item.pages,
        ]


def submit(user, division, agency, year: int, half: int, submitted_on) -> CatalogueSubmission:
    """Build the half-year's export file of the office's catalogue and record the submission
    with the file's row count."""
    if not rights.can_add_to(user, division.pk):
        raise PermissionDenied
    return build_submission(division, agency, year, half, submitted_on, created_by=user)


def build_submission(division, agency, year, half, submitted_on, created_by=None):
    """The submission itself (for `submit`, and for the demo run by the system)."""
    if CatalogueSubmission.objects.filter(agency=agency, year=year, half=half).exists():
        raise ValidationError(_("This half-year's catalogue has already been submitted."))
    rows = list(catalogue_rows(division, year, half, agency.code))
    if not rows:
        raise ValidationError(_("Nothing to submit: no unclassified items filed in the half-year."))
    content = write_table("csv", HEADER, rows, sheet="目錄彙送")
    with transaction.atomic():
        sub = CatalogueSubmission(
            division=division,
            agency=agency,
            year=year,
            half=half,
            submitted_on=submitted_on,
            records=len(rows),
            created_by=created_by,
        )
        sub.export.save(
            f"catalogue-{agency.code}-{year}H{half}.csv", ContentFile(content), save=False
        )
        sub.save()
    return sub
