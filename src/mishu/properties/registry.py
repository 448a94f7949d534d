"""總務組's record types with their staff pages and API endpoints."""

from mishu.facilities.crud import Crud

from .models import (
    Allocation,
    Building,
    DormBuilding,
    DormInspection,
    DormMailing,
    FuelLog,
    LandParcel,
    RepairItem,
    Room,
    Vehicle,
)
from .views import AllocationDetailView

CRUDS = [
    Crud(DormBuilding, ["name", "address"], ["name", "address"], filters=["division"]),
    Crud(
        Room,
        ["building", "number", "status"],
        ["building", "number", "status"],
        filters=["division", "building", "status"],
        search="number",
    ),
    Crud(
        Allocation,
        [
            "applicant",
            "applicant_agency",
            "applied_on",
            "room",
            "notified_on",
            "moved_in_on",
            "moved_out_on",
            "status",
        ],
        ["applied_on", "room", "status", "notified_on", "moved_in_on"],
        filters=["division", "status", "room__building"],
        date_field="moved_in_on",
        detail_view=AllocationDetailView,
    ),
    Crud(
        DormInspection,
        ["building", "date", "findings"],
        ["date", "building"],
        filters=["division", "building"],
        date_field="date",
    ),
    Crud(
        DormMailing,
        ["date", "subject"],
        ["date", "subject"],
        filters=["division"],
        date_field="date",
        search="subject",
    ),
    Crud(
        RepairItem,
        ["building", "year", "title", "budget", "spent", "done_on"],
        ["year", "title", "budget", "spent", "done_on"],
        filters=["division", "year", "building"],
        search="title",
    ),
    Crud(
        Vehicle,
        ["plate", "type", "model_name", "fuel_type", "acquired_on", "retired_on"],
        ["plate", "type", "fuel_type", "acquired_on", "retired_on"],
        filters=["division", "type", "fuel_type"],
        search="plate",
    ),
    Crud(
        FuelLog,
        ["vehicle", "date", "litres", "fuel_type", "amount"],
        ["date", "vehicle", "litres", "fuel_type"],
        filters=["division", "vehicle", "fuel_type"],
        date_field="date",
    ),
    Crud(
        Building,
        ["name", "address", "use", "acquired_on", "disposed_on"],
        ["name", "address", "use"],
        filters=["division"],
        search="name",
    ),
    Crud(
        LandParcel,
        ["section", "lot", "area", "acquired_on", "disposed_on"],
        ["section", "lot", "area"],
        filters=["division"],
        search="section",
    ),
]
