"""The document workflow as data: which transition leads from which states to which state, who
may take it, and what it does (the note the detail page shows next to its button).

received → assigned (分文 to a handler) → drafting → signing → approved (the supervisor's sign-off,
決行, where the unit requires it) → dispatched; or filed (存查) from any open state after
assignment. A document drafted in the office starts in `drafting`. Re-assignment (改分) to another
handler is legitimate until the draft goes for sign-off; it keeps the state.

Which units need the supervisor's sign-off before dispatch is a setting:
``MISHU["DISPATCH_APPROVAL_DIVISIONS"]`` — a list of division codes, or "*" for every unit (the
default: under 分層負責 every outgoing document of the secretariat is signed off by the unit's
head or the one delegated before it leaves); an empty list lets a unit dispatch from sign-off.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mishu.core.choices import RoleCode

from .choices import State

# name: (allowed source states, target state (None keeps it), label, what it does, role required)
TRANSITIONS = {
    "assign": (
        (State.RECEIVED,),
        State.ASSIGNED,
        _("Assign"),
        _("Give the document to a handler of the receiving unit."),
        None,
    ),
    "reassign": (
        (State.ASSIGNED, State.DRAFTING),
        None,
        _("Reassign"),
        _("Give the document to another handler; its state and deadline stay."),
        None,
    ),
    "draft": (
        (State.ASSIGNED,),
        State.DRAFTING,
        _("Start drafting"),
        _("The handler starts the reply (擬辦)."),
        None,
    ),
    "sign": (
        (State.DRAFTING,),
        State.SIGNING,
        _("Send for sign-off"),
        _("Send the draft up for sign-off."),
        None,
    ),
    "approve": (
        (State.SIGNING,),
        State.APPROVED,
        _("Approve for dispatch"),
        _("The supervisor signs the draft off; it may then be dispatched."),
        RoleCode.SUPERVISOR,
    ),
    "return": (
        (State.SIGNING, State.APPROVED),
        State.DRAFTING,
        _("Return to drafting"),
        _("Send the draft back to the handler to be revised."),
        None,
    ),
    "dispatch": (
        (State.SIGNING, State.APPROVED),
        State.DISPATCHED,
        _("Dispatch"),
        _("Send the document out; this closes it and classes its timeliness."),
        None,
    ),
    "file": (
        (State.ASSIGNED, State.DRAFTING, State.SIGNING, State.APPROVED),
        State.FILED,
        _("File (存查)"),
        _("Close the document without a reply (存查)."),
        None,
    ),
}

# Transitions that close the document (its timeliness is then classed).
CLOSING = {"dispatch", "file"}
# Transitions that name a handler.
HANDING = {"assign", "reassign"}
# Roles that may take a step reserved to a role (an administrator may take every step).
ROLE_OR_ADMIN = (RoleCode.ADMIN,)


def approval_divisions():
    """The codes of the units that sign off before dispatch, or "*" for every unit."""
    conf = getattr(settings, "MISHU", {}) or {}
    return conf.get("DISPATCH_APPROVAL_DIVISIONS", "*")


def needs_approval(division_code: str) -> bool:
    """Whether the unit's documents need the supervisor's sign-off (決行) before dispatch."""
    units = approval_divisions()
    return units == "*" or division_code in units


def allowed(state: str, *, approval: bool = False) -> list[str]:
    """The names of the transitions allowed from `state`, in declared order. With `approval`
    (the unit requires sign-off) dispatch waits for `approve`; without it there is no such step."""
    names = []
    for name, (sources, *_rest) in TRANSITIONS.items():
        if state not in sources:
            continue
        if name == "approve" and not approval:
            continue
        if name == "dispatch" and approval and state != State.APPROVED:
            continue
        names.append(name)
    return names


def may_take(name: str, user) -> bool:
    """Whether `user` holds the role the step asks for (None: any user who may change it)."""
    role = TRANSITIONS[name][4]
    return role is None or user is None or user.has_role(role, *ROLE_OR_ADMIN)


def target(name: str, state: str | None = None) -> str:
    """The state `name` leads to (from `state` when the step keeps it)."""
    return TRANSITIONS[name][1] or state


def label(name: str):
    return TRANSITIONS[name][2]


def note(name: str):
    return TRANSITIONS[name][3]


# Events that are not transitions, as the detail page names them.
OTHER_EVENTS = {
    "registered": _("Registered"),
    "extension_requested": _("Extension requested"),
    "extended": _("Extension approved"),
    "extension_rejected": _("Extension rejected"),
    "deadline_recomputed": _("Deadline recomputed after a correction"),
    "signoff_file": _("Sign-off file attached"),
}


def event_label(name: str) -> str:
    if name in TRANSITIONS:
        return TRANSITIONS[name][2]
    return OTHER_EVENTS.get(name, name)
