"""總務組 (general-affairs) records: dormitories, fleet, city-owned buildings and land."""

from .dormitory import (
    Allocation,
    DormBuilding,
    DormInspection,
    DormMailing,
    RepairItem,
    Room,
    RoomStatusChange,
)
from .estate import Building, LandParcel
from .fleet import FuelLog, Vehicle

__all__ = [
    "Allocation",
    "Building",
    "DormBuilding",
    "DormInspection",
    "DormMailing",
    "FuelLog",
    "LandParcel",
    "RepairItem",
    "Room",
    "RoomStatusChange",
    "Vehicle",
]
