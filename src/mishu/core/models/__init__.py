from .audit import ObjectChange
from .calendar import CalendarDay
from .jobs import ExportJob
from .organisation import Agency, Division, Role, User
from .scoped import DivisionScopedModel, UrlMixin
from .versions import DataVersion

__all__ = [
    "Agency",
    "CalendarDay",
    "DataVersion",
    "Division",
    "DivisionScopedModel",
    "ExportJob",
    "ObjectChange",
    "Role",
    "UrlMixin",
    "User",
]
