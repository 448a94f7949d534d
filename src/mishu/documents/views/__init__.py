from .control import MonthlyTimelinessView, RemindersView, TimelinessListView
from .imports import DocumentImportView, ImportJobView
from .register import (
    DocumentDetailView,
    DocumentEditView,
    DocumentListView,
    ExtensionDecideView,
    ExtensionRequestView,
    TransitionView,
)

__all__ = [
    "DocumentDetailView",
    "DocumentEditView",
    "DocumentImportView",
    "DocumentListView",
    "ExtensionDecideView",
    "ExtensionRequestView",
    "ImportJobView",
    "MonthlyTimelinessView",
    "RemindersView",
    "TimelinessListView",
    "TransitionView",
]
