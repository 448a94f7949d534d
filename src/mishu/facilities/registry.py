"""The record types of the building with their staff pages and API endpoints."""

from mishu.core.crud import Crud, ServiceSerializer

from .models import (
    Booking,
    BuildingProject,
    EnergyProject,
    MaintenanceTask,
    Meter,
    MeterReading,
    SafetyTraining,
    Venue,
    VenueRate,
)
from .registry_building import BUILDING_CRUDS
from .services.energy import save_reading
from .views import BookingDetailView, ReadingForm

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


class ReadingSerializer(ServiceSerializer):
    """A reading saved through the service, so the next month's usage follows a correction."""

    class Meta:
        model = MeterReading
        fields = [
            "id",
            "division",
            "meter",
            "month",
            "reading",
            "meter_changed",
            "usage",
            "created",
            "last_updated",
        ]
        read_only_fields = ["usage", "created", "last_updated"]
        save_with = staticmethod(save_reading)


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
    Crud(
        Meter,
        ["name", "kind", "number"],
        ["name", "kind", "number", "division"],
        filters=["division", "kind"],
        search="name",
    ),
    Crud(
        MeterReading,
        ["meter", "month", "reading", "meter_changed"],
        ["month", "meter", "reading", "usage", "meter_changed"],
        filters=["division", "meter", "meter__kind"],
        date_field="month",
        form=ReadingForm,
        serializer=ReadingSerializer,
    ),
    Crud(
        EnergyProject,
        ["title", "measure", "year", "completed_on", "progress", "yearly_saving_kwh"],
        ["title", "measure", "year", "completed_on", "progress", "yearly_saving_kwh"],
        filters=["division", "year", "measure"],
        date_field="completed_on",
        search="title",
    ),
    Crud(
        BuildingProject,
        [
            "title",
            "description",
            "due_on",
            "completed_on",
            "accepted_on",
            "listed",
            "budget",
            "reported_as",
        ],
        ["title", "completed_on", "accepted_on", "due_on", "listed"],
        filters=["division", "listed"],
        date_field="accepted_on",
        search="title",
    ),
    Crud(
        MaintenanceTask,
        ["system", "title", "due_on", "done_on", "budget", "spent"],
        ["due_on", "system", "title", "done_on"],
        filters=["division", "system"],
        date_field="due_on",
        search="title",
    ),
    Crud(
        SafetyTraining,
        ["kind", "title", "date", "attendance", "facility_system"],
        ["date", "kind", "title", "attendance"],
        filters=["division", "kind", "facility_system"],
        date_field="date",
        search="title",
    ),
]

# the building work records (stall calls, signage, surveys, upkeep budget ...)
CRUDS += BUILDING_CRUDS
