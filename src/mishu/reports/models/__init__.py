from .drafts import DraftEvent, DraftSection, ReportDraft, SectionComment, SectionVersion
from .templates import BuiltReport, ReportTemplate, StructureSection

__all__ = [
    "BuiltReport",
    "DraftEvent",
    "DraftSection",
    "ReportDraft",
    "ReportTemplate",
    "SectionComment",
    "SectionVersion",
    "StructureSection",
]
