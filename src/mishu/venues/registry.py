"""The record types of the venues with their staff pages and API endpoints."""

from mishu.core.crud import Crud

from .models import Booking, Venue, VenueRate
from .views import BookingDetailView

VENUE_FIELDS = [
    "name",
    "report_group",
    "opens",
    "closes",
    "closed_weekdays",
    "min_days_ahead",
    "max_days_ahead",
    "purposes",
    "fee_exempt_purposes",
    "active",
]
BOOKING_FIELDS = [
    "venue",
    "title",
    "purpose",
    "applicant_kind",
    "applicant",
    "agency",
    "contact_name",
    "contact_phone",
    "contact_email",
    "starts",
    "ends",
    "status",
    "fee",
    "fee_sessions",
    "fee_rate",
    "fee_rate_label",
    "fee_exempt",
    "fee_paid_on",
    "stage",
    "av",
    "saving",
]


CRUDS = [
    Crud(
        Venue,
        VENUE_FIELDS,
        ["name", "report_group", "opens", "closes", "active"],
        filters=["division", "report_group", "active"],
        search="name",
    ),
    Crud(
        VenueRate,
        ["venue", "label", "amount", "hours"],
        ["venue", "label", "amount", "hours"],
        filters=["venue"],
    ),
    Crud(
        Booking,
        BOOKING_FIELDS,
        ["starts", "venue", "title", "applicant", "status", "fee", "stage", "av"],
        filters=["division", "venue", "status", "applicant_kind", "stage", "av"],
        date_field="starts__date",
        search="title",
        detail_view=BookingDetailView,
        # the workflow owns the status; the fee's basis is computed from the fee schedule
        read_only=["status", "fee_sessions", "fee_rate", "fee_rate_label", "fee_exempt"],
    ),
]
