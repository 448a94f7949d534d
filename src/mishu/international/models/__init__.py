from .cities import AgreementStage, SisterCity
from .delegations import Delegation
from .grants import GrantApplication, GrantEvent
from .meetings import Attendance, Meeting
from .trips import Trip

__all__ = [
    "AgreementStage",
    "Attendance",
    "Delegation",
    "GrantApplication",
    "GrantEvent",
    "Meeting",
    "SisterCity",
    "Trip",
]
