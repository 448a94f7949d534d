"""Venue bookings: the rules a new application must meet, conflict checks, the workflow."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mishu.core import formats

from .. import workflow
from ..models import Booking, BookingEvent
from . import fees, notify

CLASH = "clash"


class TransitionError(ValidationError):
    """The action is not open to the booking in its status."""


def overlapping(booking: Booking):
    """Other bookings of the same venue that hold it and overlap `booking`'s time."""
    qs = Booking.objects.filter(
        venue_id=booking.venue_id,
        status__in=workflow.HOLDING,
        starts__lt=booking.ends,
        ends__gt=booking.starts,
    )
    return qs.exclude(pk=booking.pk) if booking.pk else qs


def check_conflicts(booking: Booking) -> None:
    """Raise ValidationError naming the booking that already holds the venue at that time."""
    if booking.status not in workflow.HOLDING:
        return
    other = overlapping(booking).order_by("starts").first()
    if other:
        start = timezone.localtime(other.starts)
        end = timezone.localtime(other.ends)
        message = _("%(venue)s is already booked from %(start)s to %(end)s (“%(title)s”).") % {
            "venue": booking.venue,
            "start": formats.format_datetime(start),
            "end": f"{end:%H:%M}" if start.date() == end.date() else formats.format_datetime(end),
            "title": other.title,
        }
        # code CLASH: the public form replaces the message, which names another applicant's event
        raise ValidationError({"starts": ValidationError(message, code=CLASH)})


def check_rules(booking: Booking, today: datetime.date | None = None) -> None:
    """Raise ValidationError unless a new application meets its venue's rules: how far ahead,
    closed days, bookable hours, purposes allowed."""
    venue = booking.venue
    today = today or timezone.localdate()
    starts, ends = timezone.localtime(booking.starts), timezone.localtime(booking.ends)
    errors = {}
    if not venue.active:
        errors["venue"] = _("This venue is not open for booking.")
    ahead = (starts.date() - today).days
    if ahead < venue.min_days_ahead:
        errors["starts"] = _("Apply at least %(n)s days ahead.") % {"n": venue.min_days_ahead}
    elif ahead > venue.max_days_ahead:
        errors["starts"] = _("Bookings open at most %(n)s days ahead.") % {
            "n": venue.max_days_ahead
        }
    elif starts.isoweekday() in venue.closed_days:
        errors["starts"] = _("%(venue)s is closed on that day.") % {"venue": venue}
    elif starts.date() != ends.date() or starts.time() < venue.opens or ends.time() > venue.closes:
        errors["ends"] = _("%(venue)s can be booked from %(opens)s to %(closes)s on one day.") % {
            "venue": venue,
            "opens": f"{venue.opens:%H:%M}",
            "closes": f"{venue.closes:%H:%M}",
        }
    if booking.purpose and booking.purpose not in venue.purpose_list:
        errors["purpose"] = _("%(venue)s is not lent for this purpose.") % {"venue": venue}
    if errors:
        raise ValidationError(errors)


def _log(booking, action, user, note=""):
    BookingEvent.objects.create(
        booking=booking, action=action, user=user if getattr(user, "pk", None) else None, note=note
    )


def submit(booking: Booking, user=None, today=None) -> Booking:
    """Validate and save a new application (public form or agency), logging `submit`; its fee
    is estimated from the venue's schedule (computed again on approval)."""
    booking.status = workflow.TRANSITIONS["submit"][1]
    check_rules(booking, today)
    booking.full_clean()
    fees.apply(booking)
    with transaction.atomic():
        # lock the venue's bookings so two applications cannot both pass the conflict check
        list(Booking.objects.select_for_update().filter(venue_id=booking.venue_id).values("pk"))
        check_conflicts(booking)
        booking.save()
        _log(booking, "submit", user)
    return booking


def transition(booking: Booking, action: str, user=None, note: str = "") -> Booking:
    """Move a booking along the workflow (approve, reject, cancel), logging the event.

    Approval computes the fee from the venue's schedule. The applicant is e-mailed the
    decision (approve, reject) once the transaction commits."""
    if not workflow.allowed(action, booking.status):
        raise TransitionError(
            _("A booking that is %(status)s cannot be %(action)s.")
            % {"status": booking.get_status_display(), "action": action}
        )
    with transaction.atomic():
        booking.status = workflow.TRANSITIONS[action][1]
        if action == "approve":
            check_conflicts(booking)
            fees.apply(booking)
        booking.save()
        _log(booking, action, user, note)
        if action in ("approve", "reject"):
            pk = booking.pk
            transaction.on_commit(lambda: notify.send_decision(pk, note))
    return booking


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def find_for_applicant(reference: str, contact: str) -> Booking | None:
    """The booking with this reference whose contact e-mail or telephone is `contact` (an e-mail
    in any case, a number with any dashes or spaces), or None: a wrong reference and a wrong
    contact read the same, so neither can be probed."""
    booking = Booking.objects.filter(reference=reference.strip().upper()).first()
    if booking is None:
        return None
    contact = contact.strip()
    if "@" in contact:
        matches = bool(booking.contact_email) and contact.lower() == booking.contact_email.lower()
    else:
        digits = _digits(contact)
        matches = len(digits) >= 6 and digits == _digits(booking.contact_phone)
    return booking if matches else None
