"""What the secretariat records of the city's archives work: catalogue submissions (目錄彙送),
appraisal reports (鑑定), the planned clean-up's approved cases (計畫性清理) and the
document-handling inspections of agencies (公文處理成效檢核)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mishu.core.models import DivisionScopedModel

from ..choices import Disposition
from .catalogue import CaseFile, FilingBatch


class CatalogueSubmission(DivisionScopedModel):
    """A half-year's catalogue submission to the national archives (目錄彙送), published online.

    The secretariat's own is the export file built from its catalogue (its count is the file's
    rows); an agency's is recorded with the count the national archives' system reported."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("ROC year"))
    half = models.PositiveSmallIntegerField(
        _("half-year"), choices=[(1, _("first")), (2, _("second"))]
    )
    submitted_on = models.DateField(_("submitted on"))
    records = models.PositiveIntegerField(_("records"))
    export = models.FileField(_("export file"), upload_to="archives/catalogues/", blank=True)

    class Meta:
        ordering = ["-submitted_on", "agency"]
        verbose_name = _("catalogue submission")
        verbose_name_plural = _("catalogue submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "half"], name="archives_submission_unique"
            )
        ]

    def __str__(self):
        return f"{self.agency} {self.year}H{self.half}"

    def get_absolute_url(self):
        return reverse("archives:cataloguesubmission_detail", args=[self.pk])


class AppraisalReport(DivisionScopedModel):
    """An agency's appraisal report (檔案鑑定報告) on its permanent files due for transfer."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=300)
    years_from = models.PositiveSmallIntegerField(_("from ROC year"))
    years_to = models.PositiveSmallIntegerField(_("to ROC year"))
    submitted_on = models.DateField(_("submitted on"))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    cases = models.PositiveIntegerField(_("cases appraised"), default=0)

    class Meta:
        ordering = ["-submitted_on", "agency"]
        verbose_name = _("appraisal report")
        verbose_name_plural = _("appraisal reports")

    def __str__(self):
        return f"{self.agency} {self.subject}"

    def get_absolute_url(self):
        return reverse("archives:appraisalreport_detail", args=[self.pk])

    def clean(self):
        if self.years_from and self.years_to and self.years_to < self.years_from:
            raise ValidationError({"years_to": _("The last year is before the first.")})


class CleanupCase(DivisionScopedModel):
    """A case of the planned clean-up (計畫性清理) and the disposition the national archives
    approved for it."""

    case_file = models.ForeignKey(
        CaseFile,
        verbose_name=_("case file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reference = models.CharField(_("case reference"), max_length=60)
    subject = models.CharField(_("subject"), max_length=300)
    disposition = models.CharField(_("disposition"), max_length=12, choices=Disposition.choices)
    approved_on = models.DateField(_("approved on"))
    approval_no = models.CharField(_("approval number"), max_length=60, blank=True)
    batch = models.ForeignKey(
        FilingBatch,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-approved_on", "reference"]
        verbose_name = _("clean-up case")
        verbose_name_plural = _("clean-up cases")
        indexes = [models.Index(fields=["approved_on", "disposition"], name="archives_cleanup")]

    def __str__(self):
        return f"{self.reference} {self.get_disposition_display()}"

    def get_absolute_url(self):
        return reverse("archives:cleanupcase_detail", args=[self.pk])

    def clean(self):
        if self.case_file_id and self.division_id:
            if self.case_file.division_id != self.division_id:
                raise ValidationError({"case_file": _("This case file belongs to another office.")})


class Inspection(DivisionScopedModel):
    """A document-handling inspection (公文處理成效檢核) of one agency or district office.

    District offices (區公所) are not in the agency list; they are named in `unit_name`."""

    agency = models.ForeignKey(
        "core.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit_name = models.CharField(_("other unit inspected"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("inspection year (ROC)"))
    inspected_on = models.DateField(_("inspected on"))
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1, null=True, blank=True)
    findings = models.TextField(_("findings"), blank=True)

    class Meta:
        ordering = ["-inspected_on", "agency", "unit_name"]
        verbose_name = _("document-handling inspection")
        verbose_name_plural = _("document-handling inspections")

    def __str__(self):
        return f"{self.year} {self.unit}"

    @property
    def unit(self) -> str:
        return str(self.agency) if self.agency_id else self.unit_name

    def get_absolute_url(self):
        return reverse("archives:inspection_detail", args=[self.pk])

    def clean(self):
        if bool(self.agency_id) == bool(self.unit_name.strip()):
            raise ValidationError(
                {"unit_name": _("Name either an agency or another unit, not both or neither.")}
            )


class Transfer(DivisionScopedModel):
    """A transfer (移轉) of permanent case files to the national archives, 25 years after their
    latest document, with the national archives' approval number."""

    title = models.CharField(_("title"), max_length=300)
    transferred_on = models.DateField(_("transferred on"))
    approval_no = models.CharField(_("approval number"), max_length=60)
    cases = models.PositiveIntegerField(_("cases (案)"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-transferred_on", "-pk"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archives:transfer_detail", args=[self.pk])
