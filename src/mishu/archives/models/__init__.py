from .applications import ApplicantDataAccess, ArchiveApplication, ReadingVisit
from .catalogue import ArchiveClass, ArchiveItem, CaseFile, FilingBatch
from .destruction import DestructionEntry, DestructionList, DestructionStep
from .oversight import (
    AppraisalReport,
    CatalogueSubmission,
    CleanupCase,
    Inspection,
    Transfer,
)

__all__ = [
    "ApplicantDataAccess",
    "AppraisalReport",
    "ArchiveApplication",
    "ArchiveClass",
    "ArchiveItem",
    "CaseFile",
    "CatalogueSubmission",
    "CleanupCase",
    "DestructionEntry",
    "DestructionList",
    "DestructionStep",
    "FilingBatch",
    "Inspection",
    "ReadingVisit",
    "Transfer",
]
