"""The document register's models."""

from .control import DeadlineExtension, ImportJob, Reminder
from .document import Document, DocumentBatch, DocumentEvent, DocumentSequence

__all__ = [
    "DeadlineExtension",
    "Document",
    "DocumentBatch",
    "DocumentEvent",
    "DocumentSequence",
    "ImportJob",
    "Reminder",
]
