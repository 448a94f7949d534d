"""The record types of the building with their staff pages and API endpoints."""

from dataclasses import dataclass

from django.urls import include, path

from mishu.core.crud import Crud, ServiceSerializer
from mishu.core.views import generic
from mishu.core.views.imports import ObjectImportView

from .importing import ApplicationImporter, ResponseImporter
from .models import (
    BuildingProject,
    EmsInstallation,
    EnergyProject,
    EquipmentReplacement,
    MaintenanceTask,
    Meter,
    MeterReading,
    ProjectProgress,
    SafetyTraining,
    SatisfactionSurvey,
    SignageRequest,
    StallApplication,
    StallCall,
    SurveyResponse,
    UpkeepBudget,
)
from .services.energy import save_reading
from .views import PrefillEditView, ReadingForm, StallCallDetailView, SurveyDetailView


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


@dataclass
class ImportableCrud(Crud):
    """A record type whose list page also offers an import (`<type>s/import/`)."""

    importer: type | None = None

    def urls(self):
        importer_class = self.importer

        class ImportView(ObjectImportView):
            model = self.model

            def dispatch(self, request, *args, **kwargs):
                self.importer = importer_class()  # one per upload: it remembers the file's rows
                return super().dispatch(request, *args, **kwargs)

        lv, dv, ev = self.views()
        patterns = [
            path("import/", ImportView.as_view(), name=f"{self.name}_import"),
            *generic.model_urls(self.model, list_view=lv, detail_view=dv, edit_view=ev),
        ]
        return path(f"{self.name}s/", include(patterns))


CRUDS = [
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
    Crud(
        StallCall,
        ["title", "place", "opens_on", "closes_on", "stalls"],
        ["title", "opens_on", "closes_on", "stalls"],
        filters=["division"],
        date_field="closes_on",
        search="title",
        detail_view=StallCallDetailView,
    ),
    ImportableCrud(
        StallApplication,
        ["call", "vendor", "applied_on", "qualified", "note"],
        ["call", "vendor", "applied_on", "qualified"],
        filters=["division", "call", "qualified"],
        date_field="applied_on",
        search="vendor",
        edit_view=PrefillEditView,
        importer=ApplicationImporter,
    ),
    Crud(
        EquipmentReplacement,
        ["equipment", "description", "location", "quantity", "completed_on", "project"],
        ["completed_on", "equipment", "description", "location", "quantity"],
        filters=["division", "equipment", "project"],
        date_field="completed_on",
        search="description",
        edit_view=PrefillEditView,
    ),
    Crud(
        SignageRequest,
        ["agency", "subject", "received_on", "shows_from", "shows_until"],
        ["received_on", "agency", "subject", "shows_from", "shows_until"],
        filters=["division", "agency"],
        date_field="received_on",
        search="subject",
    ),
    Crud(
        ProjectProgress,
        ["project", "reported_on", "percent", "saving_kwh", "note"],
        ["reported_on", "project", "percent", "saving_kwh"],
        filters=["division", "project"],
        date_field="reported_on",
        edit_view=PrefillEditView,
    ),
    Crud(
        EmsInstallation,
        ["agency", "building", "started_on", "completed_on"],
        ["building", "agency", "started_on", "completed_on"],
        filters=["division", "agency"],
        date_field="completed_on",
        search="building",
    ),
    Crud(
        SatisfactionSurvey,
        ["title", "opens_on", "closes_on", "satisfied_from"],
        ["title", "opens_on", "closes_on", "satisfied_from"],
        filters=["division"],
        date_field="closes_on",
        search="title",
        detail_view=SurveyDetailView,
    ),
    ImportableCrud(
        SurveyResponse,
        ["survey", "number", "score"],
        ["survey", "number", "score"],
        filters=["division", "survey", "score"],
        date_field="survey__closes_on",
        edit_view=PrefillEditView,
        importer=ResponseImporter,
    ),
    Crud(
        UpkeepBudget,
        ["year", "title", "budget", "executed"],
        ["year", "title", "budget", "executed"],
        filters=["division", "year"],
        search="title",
    ),
]

# menu entries of 公管中心 (applications and responses are reached from their call or survey)
MENU = [StallCall, EquipmentReplacement, SignageRequest, ProjectProgress, EmsInstallation]
MENU += [SatisfactionSurvey, UpkeepBudget]


def register_navigation():
    from django.utils.text import capfirst

    from mishu.core.navigation import Module, register

    for model in MENU:
        name = model._meta.model_name
        register(
            Module(
                capfirst(model._meta.verbose_name_plural),
                f"building:{name}_list",
                divisions=("city-hall",),
            )
        )
