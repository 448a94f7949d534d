"""The catalogue: the classification scheme (分類表), case files (案卷) and archive items (件).

An item's file code (檔號) is 年度號-分類號-案次號-卷次號-目次號: the case file's ROC year, its
class, its case number, then the item's volume and item numbers. A case file's retention runs
from the year after its latest document (機關檔案保存年限及銷毀辦法); `due_on` is the first day
it may be destroyed (None when permanent), kept on the record so that the due list is one index
range at any size.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from ..choices import CaseState, Medium, Retention, retention_years

TRANSFER_AFTER_YEARS = 25  # permanent files go to the national archives 25 years after


class ArchiveClass(DivisionScopedModel):
    """A class of the office's classification scheme (分類表) and its retention (保存年限)."""

    code = models.CharField(_("class number"), max_length=20)
    name = models.CharField(_("class name"), max_length=200)
    retention = models.CharField(_("retention"), max_length=10, choices=Retention.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["division", "code"]
        verbose_name = _("archive class")
        verbose_name_plural = _("archive classes")
        constraints = [
            models.UniqueConstraint(fields=["division", "code"], name="archives_class_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("archives:archiveclass_detail", args=[self.pk])


class FilingBatch(DivisionScopedModel):
    """A bulk write of archive rows (demo, import): logged once, by this record's creation, and
    each row points to it."""

    source = models.CharField(_("source"), max_length=30)
    label = models.CharField(_("label"), max_length=100)
    count = models.PositiveIntegerField(_("rows"), default=0)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("filing batch")
        verbose_name_plural = _("filing batches")

    def __str__(self):
        return f"{self.source} {self.label} ({self.count})"


class CaseFile(DivisionScopedModel):
    """A case file (案卷): the items of one case under one class, in volumes and boxes."""

    ENTERED_FIELDS = (
        "year",
        "archive_class",
        "case_no",
        "subject",
        "medium",
        "volumes",
        "boxes",
        "location",
        "classified",
    )

    year = models.PositiveSmallIntegerField(_("ROC year"))
    archive_class = models.ForeignKey(
        ArchiveClass, verbose_name=_("class"), on_delete=models.PROTECT, related_name="case_files"
    )
    case_no = models.PositiveIntegerField(_("case number"), validators=[MinValueValidator(1)])
    subject = models.CharField(_("case subject"), max_length=300)
    medium = models.CharField(
        _("medium"), max_length=12, choices=Medium.choices, default=Medium.ELECTRONIC
    )
    volumes = models.PositiveSmallIntegerField(_("volumes"), default=1)
    boxes = models.CharField(_("boxes"), max_length=100, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    classified = models.BooleanField(_("classified"), default=False)
    state = models.CharField(
        _("state"), max_length=12, choices=CaseState.choices, default=CaseState.KEPT
    )
    latest_on = models.DateField(_("latest document"), null=True, blank=True)
    due_on = models.DateField(_("retention due"), null=True, blank=True)
    batch = models.ForeignKey(
        FilingBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    transfer = models.ForeignKey(
        "archives.Transfer",
        verbose_name=_("transfer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_files",
        editable=False,
    )

    class Meta:
        ordering = ["-year", "archive_class__code", "case_no"]
        verbose_name = _("case file")
        verbose_name_plural = _("case files")
        constraints = [
            models.UniqueConstraint(
                fields=["division", "year", "archive_class", "case_no"],
                name="archives_case_unique",
            )
        ]
        indexes = [
            # the retention-due list: kept files of an office by due date
            models.Index(
                fields=["division", "due_on", "id"],
                condition=Q(state="kept", due_on__isnull=False),
                name="archives_case_due",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.subject}"

    @property
    def code(self) -> str:
        """年度號-分類號-案次號."""
        return f"{self.year:03d}-{self.archive_class.code}-{self.case_no:06d}"

    def get_absolute_url(self):
        return reverse("archives:casefile_detail", args=[self.pk])

    def compute_due(self):
        """Set `due_on` from the latest document and the class's retention."""
        years = retention_years(self.archive_class.retention)
        if self.latest_on is None or years is None:
            self.due_on = None
        else:
            self.due_on = datetime.date(self.latest_on.year + 1 + years, 1, 1)

    @property
    def transfer_year(self) -> int | None:
        """The Gregorian year a permanent file is due for transfer (移轉)."""
        if self.archive_class.retention != Retention.PERMANENT or self.latest_on is None:
            return None
        return self.latest_on.year + TRANSFER_AFTER_YEARS

    def clean(self):
        if self.archive_class_id and self.division_id:
            if self.archive_class.division_id != self.division_id:
                raise ValidationError({"archive_class": _("This class belongs to another office.")})


class ArchiveItem(DivisionScopedModel):
    """An archive item (件): a closed document filed into a case file, with its 檔號.

    `document` links the register; items taken over from older paper catalogues have none.
    """

    case_file = models.ForeignKey(
        CaseFile, verbose_name=_("case file"), on_delete=models.PROTECT, related_name="items"
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="archive_items",
    )
    volume_no = models.PositiveSmallIntegerField(
        _("volume number"), default=1, validators=[MinValueValidator(1)]
    )
    item_no = models.PositiveIntegerField(_("item number"), validators=[MinValueValidator(1)])
    file_code = models.CharField(_("file code"), max_length=60, editable=False)
    subject = models.CharField(_("subject"), max_length=500)
    doc_date = models.DateField(_("document date"))
    filed_on = models.DateField(_("filed on"))
    medium = models.CharField(
        _("medium"), max_length=12, choices=Medium.choices, default=Medium.ELECTRONIC
    )
    pages = models.PositiveIntegerField(_("pages"), default=1)
    classified = models.BooleanField(_("classified"), default=False)
    batch = models.ForeignKey(
        FilingBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["file_code"]
        verbose_name = _("archive item")
        verbose_name_plural = _("archive items")
        constraints = [
            models.UniqueConstraint(
                fields=["case_file", "volume_no", "item_no"], name="archives_item_unique"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(document__isnull=False),
                name="archives_document_filed_once",
            ),
        ]
        indexes = [
            models.Index(fields=["division", "file_code"], name="archives_item_code"),
            # 檔號 prefix search (LIKE 'x%') whatever the database's collation (PostgreSQL)
            models.Index(
                fields=["file_code"],
                opclasses=["varchar_pattern_ops"],
                name="archives_item_code_prefix",
            ),
            models.Index(fields=["division", "doc_date"], name="archives_item_date"),
            models.Index(fields=["filed_on"], name="archives_item_filed"),
        ]

    def __str__(self):
        return f"{self.file_code} {self.subject}"

    def get_absolute_url(self):
        return reverse("archives:archiveitem_detail", args=[self.pk])

    def make_code(self) -> str:
        """The full 檔號: 年度號-分類號-案次號-卷次號-目次號."""
        return f"{self.case_file.code}-{self.volume_no:03d}-{self.item_no:06d}"

    def save(self, *args, **kwargs):
        if self.case_file_id:
            self.file_code = self.make_code()
        super().save(*args, **kwargs)

    def clean(self):
        if self.case_file_id and self.division_id:
            if self.case_file.division_id != self.division_id:
                raise ValidationError({"case_file": _("This case file belongs to another office.")})
