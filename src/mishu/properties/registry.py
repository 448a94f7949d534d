"""總務組's record types with their staff pages and API endpoints."""

from mishu.core.crud import Crud

from .forms import RoomForm
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
from .views import AllocationDetailView, RoomDetailView


class AllocationCrud(Crud):
    """The allocations' pages and API, plus the API's step actions (api/steps.py)."""

    def viewset(self):
        from .api.steps import AllocationStepsMixin

        base = super().viewset()
        doc = (
            "Dormitory applications and allocations; POST notify/, move_in/ and move_out/ run "
            "an allocation's steps, withdraw/ ends a pending application (the room's status and "
            "history follow). room and status are read-only: the steps set them."
        )
        return type(base.__name__, (AllocationStepsMixin, base), {"__doc__": doc})


CRUDS = [
    Crud(DormBuilding, ["name", "address"], ["name", "address"], filters=["division"]),
    Crud(
        Room,
        ["building", "number", "status"],
        ["building", "number", "status"],
        filters=["division", "building", "status"],
        search="number",
        detail_view=RoomDetailView,
        form=RoomForm,
    ),
    AllocationCrud(
        Allocation,
        [
            "applicant",
            "applicant_email",
            "applicant_agency",
            "applied_on",
            "room",
            "notified_on",
            "moved_in_on",
            "moved_out_on",
            "move_out_reason",
            "room_handed_back",
            "status",
        ],
        ["applied_on", "room", "status", "notified_on", "moved_in_on"],
        filters=["division", "status", "room__building"],
        date_field="moved_in_on",
        detail_view=AllocationDetailView,
        # the steps own them (views.AllocationStepView, the API's actions): the room's status
        # and dated history follow the steps; an edit may only correct a step's date
        read_only=["room", "status", "move_out_reason", "room_handed_back"],
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
        ["name", "address", "use", "continued_residence", "acquired_on", "disposed_on"],
        ["name", "address", "use", "continued_residence"],
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
