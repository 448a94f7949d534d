from .audit import ObjectChange
from .calendar import CalendarDay
from .jobs import ExportJob
from .organisation import Agency, Division, Role, User
from .scoped import DivisionScopedModel, UrlMixin

__all__ = [
    "Agency",
    "CalendarDay",
    "Division",
    "DivisionScopedModel",
    "ExportJob",
    "ObjectChange",
    "Role",
    "UrlMixin",
    "User",
]
