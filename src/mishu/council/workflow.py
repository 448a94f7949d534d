"""The mayor's directives (市長裁指示事項) as data: assigned to an agency at a city meeting,
in progress as the agency reports, closed (解除列管) when the evaluator agrees it is done; a
closed directive may be reopened (繼續列管) if the closure was premature."""

from django.utils.translation import gettext_lazy as _

from .choices import DirectiveState as S

# name: (allowed source states, target state, label)
TRANSITIONS = {
    "report": ((S.ASSIGNED, S.IN_PROGRESS), S.IN_PROGRESS, _("Report progress")),
    "close": ((S.ASSIGNED, S.IN_PROGRESS), S.CLOSED, _("Close (解除列管)")),
    "reopen": ((S.CLOSED,), S.IN_PROGRESS, _("Reopen (繼續列管)")),
}


def allowed(state: str) -> list[str]:
    """The names of the transitions allowed from `state`, in declared order."""
    return [name for name, (sources, _target, _label) in TRANSITIONS.items() if state in sources]


def target(name: str) -> str:
    return TRANSITIONS[name][1]


def label(name: str) -> str:
    return TRANSITIONS[name][2]
