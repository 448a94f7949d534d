"""The document register's models."""

from .control import DeadlineExtension, ImportJob, Reminder
from .document import Document, DocumentBatch, DocumentEvent, DocumentSequence
from .signoff import FileKind, SignoffFile
from .tally import DocumentTally, Measure

__all__ = [
    "DeadlineExtension",
    "Document",
    "DocumentBatch",
    "DocumentEvent",
    "DocumentSequence",
    "DocumentTally",
    "FileKind",
    "ImportJob",
    "Measure",
    "Reminder",
    "SignoffFile",
]
