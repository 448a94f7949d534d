"""The document register's models."""

from .control import DeadlineExtension, ImportJob, Reminder
from .document import Document, DocumentBatch, DocumentEvent, DocumentSequence
from .tally import DocumentTally, Measure

__all__ = [
    "DeadlineExtension",
    "Document",
    "DocumentBatch",
    "DocumentEvent",
    "DocumentSequence",
    "DocumentTally",
    "ImportJob",
    "Measure",
    "Reminder",
]
