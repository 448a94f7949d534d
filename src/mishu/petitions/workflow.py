"""The petition workflow as data: which action moves a case from which states to which state.

received → assigned → in progress → replied → closed; a case may be declined (行政程序法
§172–173) from any open state and stays registered. Reassignment and extension keep the state.
"""

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
