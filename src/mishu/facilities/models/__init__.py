"""公管中心 (city-hall) records: venues and bookings, energy, projects and upkeep."""

from .energy import EnergyProject, Meter, MeterReading
from .upkeep import BuildingProject, MaintenanceTask, SafetyTraining
from .venues import Booking, BookingEvent, Venue, VenueRate

__all__ = [
    "Booking",
    "BookingEvent",
    "BuildingProject",
    "EnergyProject",
    "MaintenanceTask",
    "Meter",
    "MeterReading",
    "SafetyTraining",
    "Venue",
    "VenueRate",
]
