"""The grant workflow as data: which action moves an application from which status to which,
and what each action must be given."""

from django.utils.translation import gettext_lazy as _

from .choices import GrantStatus as S

# action: (statuses it may start from, status it leads to, label)
TRANSITIONS = {
    "approve": ((S.APPLIED,), S.APPROVED, _("Approve (review meeting)")),
    "special": ((S.APPLIED,), S.SPECIAL, _("Approve by special memo")),
    "reject": ((S.APPLIED,), S.REJECTED, _("Not approve")),
    "pay": ((S.APPROVED, S.SPECIAL), S.PAID, _("Record payment")),
    "withdraw": ((S.APPLIED, S.APPROVED, S.SPECIAL), S.WITHDRAWN, _("Withdraw")),
}

# the fields each action needs
REQUIRES = {
    "approve": ("review_meeting", "decided_on", "approved_amount"),
    "special": ("memo_number", "decided_on", "approved_amount"),
    "reject": ("decided_on",),
    "pay": ("paid_on", "paid_amount"),
    "withdraw": (),
}


def allowed(action: str, status) -> bool:
    """Whether `action` may be taken on an application in `status`."""
    return status in TRANSITIONS.get(action, ((),))[0]


def actions_for(status) -> list[str]:
    """The actions open to an application in `status`, in declared order."""
    return [a for a, (sources, _t, _l) in TRANSITIONS.items() if status in sources]
