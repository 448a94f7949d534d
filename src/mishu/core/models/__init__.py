from .audit import ObjectChange
from .calendar import CalendarDay
from .organisation import Agency, Division, Role, User
from .scoped import DivisionScopedModel

__all__ = [
    "Agency",
    "CalendarDay",
    "Division",
    "DivisionScopedModel",
    "ObjectChange",
    "Role",
    "User",
]
