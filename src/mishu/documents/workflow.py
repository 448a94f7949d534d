"""The document workflow as data: which transition leads from which states to which state.

received → assigned → drafting → signing → dispatched, or filed (存查) from any open state
after assignment. A document drafted in the office starts in `drafting`.
"""

from django.utils.translation import gettext_lazy as _

from .choices import State

# name: (allowed source states, target state, label)
TRANSITIONS = {
    "assign": ((State.RECEIVED, State.ASSIGNED), State.ASSIGNED, _("Assign")),
    "draft": ((State.ASSIGNED,), State.DRAFTING, _("Start drafting")),
    "sign": ((State.DRAFTING,), State.SIGNING, _("Send for sign-off")),
    "return": ((State.SIGNING,), State.DRAFTING, _("Return to drafting")),
    "dispatch": ((State.SIGNING,), State.DISPATCHED, _("Dispatch")),
    "file": ((State.ASSIGNED, State.DRAFTING, State.SIGNING), State.FILED, _("File (存查)")),
}

# Transitions that close the document (its timeliness is then classed).
CLOSING = {"dispatch", "file"}


def allowed(state: str) -> list[str]:
    """The names of the transitions allowed from `state`, in declared order."""
    return [name for name, (sources, _target, _label) in TRANSITIONS.items() if state in sources]


def target(name: str) -> str:
    return TRANSITIONS[name][1]


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
