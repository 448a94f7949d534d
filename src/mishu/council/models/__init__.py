from .council import Member, Question, Session, Term, Visit
from .meetings import CityMeeting, Directive, DirectiveProgress

__all__ = [
    "CityMeeting",
    "Directive",
    "DirectiveProgress",
    "Member",
    "Question",
    "Session",
    "Term",
    "Visit",
]
