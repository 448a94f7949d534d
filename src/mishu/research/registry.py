"""研考 records' staff pages and API endpoints."""

from mishu.core.crud import Crud

from . import views
from .forms import PhoneTestForm
from .models import Bulletin, PhoneTest, TrainingAttendance, TrainingSession

CRUDS = [
    Crud(
        PhoneTest,
        PhoneTest.ENTERED_FIELDS,
        ["tested_on", "tester_agency", "tested_agency", "tested_unit", "findings"],
        filters=["division", "tester_agency", "tested_agency"],
        date_field="tested_on",
        search="tested_unit",
        form=PhoneTestForm,
        detail_view=views.PhoneTestDetailView,
    ),
    Crud(
        Bulletin,
        ["issue", "published_on", "title", "topics", "link"],
        ["issue", "published_on", "title"],
        filters=["division"],
        date_field="published_on",
        search="title",
    ),
    Crud(
        TrainingSession,
        ["held_on", "title", "lecturer", "hours", "place"],
        ["held_on", "title", "lecturer", "hours"],
        filters=["division"],
        date_field="held_on",
        search="title",
        detail_view=views.TrainingDetailView,
    ),
    Crud(
        TrainingAttendance,
        ["session", "unit", "persons"],
        ["session", "unit", "persons"],
        filters=["division", "session"],
        search="unit",
        api_prefix="trainingattendance",
    ),
]
