"""E-mail to the applicant when a booking is approved or rejected (in Traditional Chinese).

The address is the booking's contact e-mail: the public applicant's own, or the contact person
of the applying agency. `decision_mail` is called through `transaction.on_commit`, so nothing is
sent for a decision that is rolled back.
"""

import logging

from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import Booking, BookingStatus
from . import fees

log = logging.getLogger(__name__)


def _when(booking: Booking) -> str:
    start, end = timezone.localtime(booking.starts), timezone.localtime(booking.ends)
    roc = start.year - 1911
    end_text = (
        f"{end:%H:%M}" if end.date() == start.date() else f"{end.year - 1911}{end:/%m/%d %H:%M}"
    )
    return f"{roc}{start:/%m/%d %H:%M}–{end_text}"


def decision_message(booking: Booking, note: str = "") -> tuple[str, str]:
    """(subject, body) of the decision e-mail, in the current language."""
    approved = booking.status == BookingStatus.APPROVED
    subject = (
        _("Your booking of %(venue)s is approved")
        if approved
        else _("Your booking of %(venue)s is not approved")
    ) % {"venue": booking.venue}
    lines = [
        _("Dear %(name)s,") % {"name": booking.contact_name or booking.applicant},
        "",
        (
            _("Your application “%(title)s” has been approved.")
            if approved
            else _("We regret that your application “%(title)s” has not been approved.")
        )
        % {"title": booking.title},
        "",
        _("Venue: %(v)s") % {"v": booking.venue},
        _("Date and time: %(t)s") % {"t": _when(booking)},
    ]
    if approved:
        lines.append(
            _("Fee: NT$%(fee)s (%(basis)s)")
            % {"fee": f"{booking.fee:,.0f}", "basis": fees.basis(booking)}
        )
    else:
        lines.append(_("Reason: %(r)s") % {"r": note or _("(not given)")})
    lines += ["", _("Secretariat, Taipei City Government — City Hall Management Center")]
    return subject, "\n".join(lines)


def send_decision(booking_pk: int, note: str = "") -> bool:
    """Send the approval or rejection e-mail of a booking; False when it has no address."""
    booking = Booking.objects.select_related("venue").get(pk=booking_pk)
    if not booking.contact_email:
        log.info("booking %s has no contact e-mail; no decision mail sent", booking.pk)
        return False
    with translation.override("zh-hant"):
        subject, body = decision_message(booking, note)
    try:
        send_mail(subject, body, None, [booking.contact_email])
    except Exception:  # the decision stands; a mail server failure must not undo it
        log.exception("decision mail for booking %s failed", booking.pk)
        return False
    return True
