"""Importing press releases from a table (CSV, XLSX, ODS), all or nothing: each agency's own
export of the releases it published, for the city total (全府).

One row per release: agency (short name such as 財政局, full name or code), title, publication
date (ROC or ISO) and optionally the text and a link. The owning division is the importing
clerk's. A row with an unknown agency, no title or a bad date is rejected, and then nothing is
written. A valid file is written in bulk, with one change-log entry per release.
"""

from django.utils.translation import gettext as _

from mishu.core import audit
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_date, checked, find_agency, require

from .models import PressRelease

COLUMNS = ("agency", "title", "published_on", "body", "link")
REQUIRED = ("agency", "title", "published_on")
EXAMPLE = ("財政局", "本市 108 年度統一發票給獎", "108/7/2", "", "")


class PressReleaseImporter:
    """`prepare(row, user)` → an unsaved, checked PressRelease; `write(releases)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.agencies = {}

    def prepare(self, row: dict, user) -> PressRelease:
        require(row, REQUIRED)
        division = getattr(user, "division", None)
        if division is None or not rights.can_add_to(user, division.pk):
            raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
        name = row["agency"].strip()
        if name not in self.agencies:
            self.agencies[name] = find_agency(name)
        return checked(
            PressRelease(
                division=division,
                agency=self.agencies[name],
                title=row["title"].strip(),
                published_on=cell_date(row, "published_on"),
                body=(row.get("body") or "").strip(),
                link=(row.get("link") or "").strip(),
                created_by=user,
            )
        )

    def write(self, releases: list[PressRelease]) -> int:
        """Bulk-write the releases and log each one (bulk writes send no signals)."""
        return write_releases(releases)


def write_releases(releases: list[PressRelease]) -> int:
    """Bulk-write press releases with one change-log entry each."""
    created = PressRelease.objects.bulk_create(releases, batch_size=2000)
    audit.record_created(created)
    return len(created)
