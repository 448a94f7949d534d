"""公管中心 (city-hall) records: venues and bookings, energy, projects and upkeep."""

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
from .venues import Booking, BookingEvent, Venue, VenueRate

__all__ = [
    "Booking",
    "BookingEvent",
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
    "Venue",
    "VenueRate",
]
