"""The petition workflow as data: which action moves a case from which states to which state.

received → assigned → in progress → replied → closed; a case may be declined (行政程序法
§172–173) from any open state and stays registered. Reassignment and extension keep the state.
"""

from django.utils.translation import gettext_lazy as _

from mishu.core.choices import RoleCode

from .choices import EventAction, Status

OPEN = (Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS)

# action: (states it may start from, state it leads to; None keeps the state)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    EventAction.ASSIGNED: ((Status.RECEIVED,), Status.ASSIGNED),
    EventAction.REASSIGNED: ((Status.ASSIGNED, Status.IN_PROGRESS), None),
    EventAction.STARTED: ((Status.ASSIGNED,), Status.IN_PROGRESS),
    EventAction.EXTENDED: ((Status.ASSIGNED, Status.IN_PROGRESS), None),
    EventAction.REPLIED: ((Status.ASSIGNED, Status.IN_PROGRESS), Status.REPLIED),
    EventAction.CLOSED: ((Status.REPLIED,), Status.CLOSED),
    EventAction.DECLINED: (OPEN, Status.DECLINED),
}

# What each action does, as the case page says next to it.
NOTES = {
    EventAction.ASSIGNED: _("Send the case to the competent agency; its deadline runs on."),
    EventAction.REASSIGNED: _(
        "A misrouted case goes to another agency within 1 working day; the petitioner is told."
    ),
    EventAction.STARTED: _("The agency has started on the case."),
    EventAction.EXTENDED: _(
        "Add working days before the deadline, with the reason, once the petitioner is told; "
        "a clerk's request waits for the supervisor."
    ),
    EventAction.REPLIED: _("Record the reply sent to the petitioner."),
    EventAction.CLOSED: _("Close the replied case, with the petitioner's satisfaction."),
    EventAction.DECLINED: _("Not handled (§172–173): the case stays registered, with the reason."),
}

# What each action asks for besides a note (the service checks which are required).
FIELDS = {
    EventAction.ASSIGNED: ("agency",),
    EventAction.REASSIGNED: ("agency", "reason", "petitioner_told"),
    EventAction.STARTED: (),
    EventAction.EXTENDED: ("days", "reason", "petitioner_told"),
    EventAction.REPLIED: ("reply",),
    EventAction.CLOSED: ("satisfaction",),
    EventAction.DECLINED: ("decline_reason",),
}

# Who decides an extension: a clerk's request goes to them (待核) instead of being refused.
EXTENSION_DECIDERS = (RoleCode.SUPERVISOR, RoleCode.ADMIN)

# A misrouted case must reach the competent agency within this many working days.
REASSIGN_WITHIN_WORKDAYS = 1


def allowed(status: str) -> list[str]:
    """The actions a case in `status` allows, in workflow order."""
    return [action for action, (sources, _target) in TRANSITIONS.items() if status in sources]


def target(action: str, status: str) -> str:
    """The state `action` leads to from `status` (ValueError when not allowed)."""
    if action not in TRANSITIONS or status not in TRANSITIONS[action][0]:
        raise ValueError(action)
    return TRANSITIONS[action][1] or status
