"""What venue bookings put in the inbox (core.inbox): applications awaiting a decision (待核),
by the day the event starts."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import Booking, BookingStatus


def _booking(booking: Booking) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Venue booking")),
        title=f"{booking.venue} {booking.title}",
        url=booking.get_absolute_url(),
        deadline=timezone.localtime(booking.starts).date(),
        note=f"{booking.applicant} · {booking.get_status_display()}",
    )


def review(user, today) -> inbox.Part:
    qs = (
        Booking.objects.restrict(user, "change")
        .filter(status=BookingStatus.APPLIED)
        .select_related("venue")
        .order_by("starts", "pk")
    )
    return inbox.part(qs, _booking)


# a booking is decided before its day: calendar days, not working days
PROVIDER = inbox.Provider("venues", review=review, workdays=False)
