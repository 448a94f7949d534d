"""The destruction list's review as data: which step leads from which states to which state, and
which role takes it.

Own list:    drafted → checked (office archivist) → approved by the office head → approved by the
             national archives (approval number) → destroyed after the waiting period.
Agency list: received (file) → first review by the secretariat → approved by the national
             archives → destroyed after the waiting period.
A list can be sent back before the national archives' approval; nothing is destroyed without
every step before it.
"""

from django.utils.translation import gettext_lazy as _

from mishu.core.choices import RoleCode

from .choices import ListState as S

WAITING_WORKDAYS = 10  # the waiting period after approval, in working days

# name: (allowed source states, target state, label, role required (None: any writer))
TRANSITIONS = {
    "check": ((S.DRAFT,), S.CHECKED, _("Checked by the archivist"), None),
    "head_approve": (
        (S.CHECKED,),
        S.HEAD_APPROVED,
        _("Approve as office head"),
        RoleCode.SUPERVISOR,
    ),
    "first_review": ((S.RECEIVED,), S.FIRST_REVIEWED, _("Record the first review"), None),
    "national_approval": (
        (S.HEAD_APPROVED, S.FIRST_REVIEWED),
        S.APPROVED,
        _("Record the national archives' approval"),
        None,
    ),
    "destroy": ((S.APPROVED,), S.DESTROYED, _("Record the destruction"), None),
    "send_back": ((S.CHECKED, S.HEAD_APPROVED), S.DRAFT, _("Send back to draft"), None),
    "return_to_agency": ((S.RECEIVED,), S.RETURNED, _("Return to the agency"), None),
}

# states in which a case file may still be taken off the list
REMOVABLE = (S.DRAFT, S.CHECKED, S.HEAD_APPROVED, S.APPROVED)


def allowed(state: str) -> list[str]:
    """The names of the steps allowed from `state`, in declared order."""
    return [name for name, (sources, *_rest) in TRANSITIONS.items() if state in sources]


def label(name: str):
    return TRANSITIONS[name][2]
