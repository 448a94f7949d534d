"""What the archives feed the report (壹二): items catalogued, the agencies' destruction lists
first-reviewed (件/案/卷, by agency), catalogue records submitted and published, agencies whose
appraisal reports were submitted, the planned clean-up's cases by disposition, and the agencies
inspected for document handling. A period without records is missing (None), not zero."""

from decimal import Decimal

from django.db.models import Count, Sum

from mishu.indicators import registry

from .choices import DISPOSITION_MEMBERS, ListSource
from .models import (
    AppraisalReport,
    ArchiveItem,
    CatalogueSubmission,
    CleanupCase,
    DestructionList,
    Inspection,
)


def _computed(**kwargs):
    return registry.computed(division="documents", **kwargs)


def _count(qs):
    n = qs.count()
    return Decimal(n) if n else None


@_computed(
    code="archives.catalogued",
    label="本處檔案編目",
    label_en="Archive items catalogued",
    unit="件",
)
def catalogued(period, user):
    """Archive items filed (catalogued) in the period."""
    return _count(registry.records_in(ArchiveItem, user, period, "filed_on"))


def _reviewed(period, user):
    return registry.records_in(DestructionList, user, period, "first_reviewed_on").filter(
        source=ListSource.AGENCY
    )


def _destruction(field):
    def value(period, user, agency=None):
        qs = _reviewed(period, user)
        if agency:
            qs = qs.filter(agency__short_name=agency)
        if not qs.exists():
            return None
        return Decimal(qs.aggregate(v=Sum(field))["v"] or 0)

    def breakdown(period, user):
        rows = (
            _reviewed(period, user)
            .order_by()
            .values_list("agency__short_name")
            .annotate(v=Sum(field))
        )
        return {name: Decimal(v) for name, v in rows}

    return value, breakdown


for _field, _label, _label_en, _unit in (
    ("items", "初審檔案銷毀目錄件數", "Items on destruction lists reviewed", "件"),
    ("cases", "初審檔案銷毀目錄案數", "Cases on destruction lists reviewed", "案"),
    ("volumes", "初審檔案銷毀目錄卷數", "Volumes on destruction lists reviewed", "卷"),
):
    _value, _breakdown = _destruction(_field)
    _value.__doc__ = f"{_label_en} (the secretariat's first review of agencies' lists)."
    _computed(
        code=f"archives.destruction_{_field}",
        label=_label,
        label_en=_label_en,
        unit=_unit,
        dimensions=("agency",),
        breakdown=_breakdown,
    )(_value)


@_computed(
    code="archives.catalogue_published",
    label="督導檔案目錄彙送上網對外公開",
    label_en="Catalogue records published",
    unit="筆",
)
def catalogue_published(period, user):
    """Catalogue records of the submissions made in the period (本處 and the agencies)."""
    qs = registry.records_in(CatalogueSubmission, user, period, "submitted_on")
    if not qs.exists():
        return None
    return Decimal(qs.aggregate(v=Sum("records"))["v"] or 0)


@_computed(
    code="archives.appraisal_agencies",
    label="完成檔案鑑定報告送審機關數",
    label_en="Agencies whose appraisal reports were submitted",
    unit="個機關",
)
def appraisal_agencies(period, user):
    """Agencies with an appraisal report submitted in the period (each counted once)."""
    qs = registry.records_in(AppraisalReport, user, period, "submitted_on")
    return _count(qs.order_by().values("agency").distinct())


def _cleanup(period, user):
    return registry.records_in(CleanupCase, user, period, "approved_on")


@_computed(
    code="archives.disposition_cases",
    label="檔案清理核定案數",
    label_en="Archive cases by approved disposition",
    unit="案",
    dimensions=("disposition",),
)
def disposition_cases(period, user, disposition=None):
    """Clean-up cases approved in the period (of one disposition, named as the report does)."""
    qs = _cleanup(period, user)
    if disposition:
        codes = [c for c, name in DISPOSITION_MEMBERS.items() if name == disposition]
        if not codes:
            return None
        qs = qs.filter(disposition=codes[0])
    return _count(qs)


@disposition_cases.breakdown
def disposition_by_kind(period, user):
    rows = dict(
        _cleanup(period, user).order_by().values_list("disposition").annotate(n=Count("pk"))
    )
    return {name: Decimal(rows[c]) for c, name in DISPOSITION_MEMBERS.items() if c in rows}


@_computed(
    code="documents.inspected_agencies",
    label="公文處理成效檢核機關數",
    label_en="Agencies inspected for document handling",
    unit="個機關",
)
def inspected_agencies(period, user):
    """Agencies and district offices inspected in the period, each counted once."""
    qs = registry.records_in(Inspection, user, period, "inspected_on")
    units = set(qs.order_by().values_list("agency_id", "unit_name").distinct())
    return Decimal(len(units)) if units else None
