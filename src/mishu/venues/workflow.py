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

# What a clerk reads on the buttons (the verb) and under them (what it does); the labels above
# name the events once taken.
STEPS = {
    "approve": (
        _("Approve the booking"),
        _("The venue is held; the applicant is e-mailed the decision and the fee."),
    ),
    "reject": (
        _("Reject the booking"),
        _("Give the reason in the note: it is e-mailed to the applicant."),
    ),
    "cancel": (_("Cancel the booking"), _("The venue is freed for others; the applicant is told.")),
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
