"""A booking's fee from its venue's fee schedule (VenueRate lines).

The rule, as the centre applies it:

* Every line of the schedule is a fee for one session of `hours` (半日 4 小時, 全日 8 小時 ...).
  A booking of H hours needs ceil(H / hours) sessions of a line; it pays the line that costs
  least (on a tie, the one with fewer sessions). The fee is sessions × that line's fee.
* A city agency's booking (applicant kind "agency") whose purpose is one of the venue's
  `fee_exempt_purposes` (by default policy promotion and charity) pays nothing; the sessions
  and the line are still recorded, so staff see what was waived. The public always pays.
* A venue without a schedule charges nothing.

`quote(booking)` says what the fee would be; `apply(booking)` writes it on the booking (not
saved). The fee is estimated when an application is submitted and computed again on approval.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import ApplicantKind, Booking


@dataclass
class FeeQuote:
    sessions: int = 0
    rate: Decimal | None = None
    label: str = ""
    exempt: bool = False

    @property
    def fee(self) -> Decimal:
        if self.exempt or self.rate is None:
            return Decimal(0)
        return self.rate * self.sessions

    def __str__(self):
        return describe(self.sessions, self.rate, self.label, self.exempt, None)


def describe(sessions, rate, label, exempt, fee) -> str:
    """`2 × 半日（4 小時） NT$6,500 = NT$13,000`, why nothing is charged, and whether the fee
    recorded differs from the computed one (changed by hand)."""
    if rate is None:
        text, computed = _("No fee schedule: no fee."), Decimal(0)
    else:
        computed = Decimal(0) if exempt else rate * sessions
        text = _("%(n)s × %(label)s NT$%(rate)s = NT$%(total)s") % {
            "n": sessions,
            "label": label,
            "rate": f"{rate:,.0f}",
            "total": f"{rate * sessions:,.0f}",
        }
        if exempt:
            text += _("; exempt (a city agency's booking for this purpose): NT$0")
    if fee is not None and fee != computed:
        text += _("; changed by hand to NT$%(fee)s") % {"fee": f"{fee:,.0f}"}
    return text


def booking_hours(booking: Booking) -> Decimal:
    return Decimal((booking.ends - booking.starts).total_seconds()) / Decimal(3600)


def quote(booking: Booking) -> FeeQuote:
    """What `booking` pays under its venue's schedule (see the module's rule)."""
    if not (booking.venue_id and booking.starts and booking.ends) or booking.ends <= booking.starts:
        return FeeQuote()
    hours = booking_hours(booking)
    best = None
    for line in booking.venue.rates.all():
        if line.amount < 0:
            raise ValidationError(
                {"fee": _("The fee schedule of %(v)s has a negative fee.") % {"v": booking.venue}}
            )
        if not line.hours or line.hours <= 0:
            continue
        sessions = math.ceil(hours / line.hours)
        key = (line.amount * sessions, sessions)
        if best is None or key < best[0]:
            best = (key, FeeQuote(sessions, line.amount, line.label))
    if best is None:
        return FeeQuote()
    result = best[1]
    venue = booking.venue
    result.exempt = (
        booking.applicant_kind == ApplicantKind.AGENCY
        and booking.purpose in venue.exempt_purpose_list
    )
    return result


def apply(booking: Booking) -> FeeQuote:
    """Set the booking's fee and how it was computed from the schedule (the caller saves)."""
    q = quote(booking)
    booking.fee = q.fee
    booking.fee_sessions = q.sessions
    booking.fee_rate = q.rate
    booking.fee_rate_label = q.label
    booking.fee_exempt = q.exempt
    return q


def basis(booking: Booking) -> str:
    """How the booking's recorded fee was computed, for staff."""
    return describe(
        booking.fee_sessions,
        booking.fee_rate,
        booking.fee_rate_label,
        booking.fee_exempt,
        booking.fee,
    )
