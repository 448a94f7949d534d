"""The international affairs records' staff pages and API endpoints."""

from mishu.core.crud import Crud

from . import views
from .models import (
    AgreementStage,
    Attendance,
    Delegation,
    GrantApplication,
    Meeting,
    SisterCity,
    Trip,
)

GRANT_WORKFLOW_FIELDS = [
    "status",
    "review_meeting",
    "decided_on",
    "special",
    "memo_number",
    "approved_amount",
    "paid_on",
    "paid_amount",
]

CRUDS = [
    Crud(
        Delegation,
        Delegation.ENTERED_FIELDS,
        [
            "received_on",
            "country",
            "city",
            "leader_title",
            "leader",
            "name",
            "size",
            "named_in_report",
        ],
        filters=["division", "named_in_report", "country", "sister_city"],
        date_field="received_on",
        search="country",
    ),
    Crud(
        Trip,
        Trip.ENTERED_FIELDS,
        [
            "start_date",
            "end_date",
            "leader",
            "destinations",
            "purpose",
            "report_due",
            "report_submitted_on",
        ],
        filters=["division", "sister_city"],
        date_field="start_date",
        search="purpose",
    ),
    Crud(
        SisterCity,
        ["name", "country", "kind", "note"],
        ["name", "country", "kind"],
        filters=["division", "kind"],
        search="name",
        detail_view=views.SisterCityDetailView,
    ),
    Crud(
        AgreementStage,
        ["city", "stage", "date", "month_only", "note"],
        ["city", "stage", "date", "month_only"],
        filters=["division", "city", "stage"],
        date_field="date",
    ),
    Crud(
        GrantApplication,
        [*GrantApplication.ENTERED_FIELDS, *GRANT_WORKFLOW_FIELDS],
        ["applied_on", "applicant", "event_title", "status", "approved_amount", "paid_amount"],
        filters=["division", "status", "special", "review_meeting"],
        date_field="applied_on",
        search="applicant",
        detail_view=views.GrantDetailView,
        read_only=GRANT_WORKFLOW_FIELDS,
    ),
    Crud(
        Meeting,
        ["kind", "title", "start_date", "end_date", "place", "summary"],
        ["start_date", "kind", "title", "place"],
        filters=["division", "kind"],
        date_field="start_date",
        search="title",
        detail_view=views.MeetingDetailView,
    ),
    Crud(
        Attendance,
        ["meeting", "unit", "names", "persons", "foreign_mission"],
        ["meeting", "unit", "persons", "foreign_mission"],
        filters=["division", "meeting", "foreign_mission"],
        search="unit",
        api_prefix="attendance",
    ),
]
