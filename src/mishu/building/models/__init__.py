"""公管中心 (city-hall) records of the building: projects, upkeep, energy and the building's
services (stalls, signage, surveys, upkeep budget)."""

from .building import (
    EmsInstallation,
    EquipmentReplacement,
    ProjectProgress,
    SatisfactionSurvey,
    SignageRequest,
    StallApplication,
    StallCall,
    SurveyResponse,
    UpkeepBudget,
)
from .energy import EnergyProject, Meter, MeterReading
from .upkeep import BuildingProject, MaintenanceTask, SafetyTraining

__all__ = [
    "BuildingProject",
    "EmsInstallation",
    "EnergyProject",
    "EquipmentReplacement",
    "MaintenanceTask",
    "Meter",
    "MeterReading",
    "ProjectProgress",
    "SafetyTraining",
    "SatisfactionSurvey",
    "SignageRequest",
    "StallApplication",
    "StallCall",
    "SurveyResponse",
    "UpkeepBudget",
]
