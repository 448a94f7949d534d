"""The booking workflow as data: which action moves a booking from which status to which."""

from django.utils.translation import gettext_lazy as _

from .models import BookingStatus as S

# action: (statuses it may start from, status it leads to, label)
TRANSITIONS = {
    "submit": ((None,), S.APPLIED, _("Submitted")),
    "approve": ((S.APPLIED,), S.APPROVED, _("Approved")),
    "reject": ((S.APPLIED,), S.REJECTED, _("Rejected")),
    "cancel": ((S.APPLIED, S.APPROVED), S.CANCELLED, _("Cancelled")),
}

# statuses whose bookings hold the venue (a new booking may not overlap them)
HOLDING = (S.APPLIED, S.APPROVED)


def allowed(action: str, status) -> bool:
    """Whether `action` may be taken on a booking in `status`."""
    sources = TRANSITIONS.get(action, ((),))[0]
    return status in sources


def actions_for(status) -> list[str]:
    """The actions open to a booking in `status`, in declared order."""
    return [
        a for a, (sources, _t, _l) in TRANSITIONS.items() if status in sources and a != "submit"
    ]
