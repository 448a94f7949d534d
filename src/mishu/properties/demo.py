"""Demo records of 總務組 that reproduce the seed report: 11 cars and 1 motorcycle with fuel
logs (9,858.09 L in 108H2, 9,658.09 L in 107H2), 12 buildings and 5 land parcels, the 西園 and
信義 dormitories (123 rooms: 118 lent, 5 under application at the end of 108; each room's
status history follows its allocation), 3 family quarters meeting the continued-residence rules,
56 allocations in 108 averaging 6.6 days, 223 inspection forms, 23 mailings, 57 repair items budgeted NT$3,680,542.

`load()` is idempotent: records are found by natural keys and updated in place.
"""

import datetime
from decimal import Decimal

from mishu.core.models import Division

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
    RoomStatusChange,
    Vehicle,
)
from .models.dormitory import AllocationStatus, RoomStatus

FUEL = {2018: Decimal("9658.09"), 2019: Decimal("9858.09")}  # July-December of each year
CARS, MOTORCYCLES = 11, 1
BUILDINGS, PARCELS = 12, 5
FAMILY_UNITS = 3  # of the 眷舍 among the buildings: those meeting the continued-residence rules
ROOMS_SINCE = datetime.date(2015, 1, 1)  # the rooms are on record, vacant, from then
DORMS = {"西園": 63, "信義": 60}  # 123 rooms
RESIDENTS_BEFORE, ALLOCATED_108, APPLYING = 62, 56, 5  # 62 + 56 = 118 lent
# days from notice to move-in of the 56 allocations: 34 of 7 days and 22 of 6 (370 / 56 = 6.6)
DAYS = [7] * 34 + [6] * 22
INSPECTIONS, MAILINGS = 223, 23
REPAIRS, REPAIR_BUDGET = 57, Decimal(3680542)


def _fleet(division):
    vehicles = []
    for i in range(CARS + MOTORCYCLES):
        car = i < CARS
        v, _ = Vehicle.objects.update_or_create(
            plate=f"DEMO-{i + 1:03d}" if car else "DEMO-M01",
            defaults={
                "division": division,
                "type": "汽車" if car else "機車",
                "fuel_type": "diesel" if i == 0 else "gasoline",
                "acquired_on": datetime.date(2015, 1, 1),
            },
        )
        vehicles.append(v)
    for year, total in FUEL.items():
        logs = [(v, datetime.date(year, m, 10)) for m in range(7, 13) for v in vehicles]
        # cars share the fuel evenly; the motorcycle takes a small fixed amount; the last
        # log takes the rounding so the half-year adds up exactly
        bike = Decimal("12.00")
        car_share = ((total - bike * 6) / (CARS * 6)).quantize(Decimal("0.01"))
        used = Decimal(0)
        for n, (vehicle, date) in enumerate(logs):
            litres = bike if vehicle.type == "機車" else car_share
            if n == len(logs) - 2:  # the last car log of December
                litres = total - used - bike
            used += litres
            FuelLog.objects.update_or_create(
                vehicle=vehicle,
                date=date,
                defaults={"division": division, "litres": litres, "fuel_type": vehicle.fuel_type},
            )


def _estate(division):
    for i in range(BUILDINGS):
        Building.objects.update_or_create(
            division=division,
            name=f"示範市有建物 {i + 1:02d}",
            defaults={
                "use": "職務宿舍" if i < 2 else "眷舍",
                "continued_residence": 2 <= i < 2 + FAMILY_UNITS,
            },
        )
    for i in range(PARCELS):
        LandParcel.objects.update_or_create(
            section="示範段", lot=f"{100 + i}", defaults={"division": division}
        )


def _dormitories(division):
    rooms = []
    for name, count in DORMS.items():
        building, _ = DormBuilding.objects.update_or_create(division=division, name=name)
        for i in range(count):
            number = f"{i // 20 + 2}{i % 20 + 1:02d}"
            room = Room.objects.filter(building=building, number=number).first()
            if room is None:
                room = Room(division=division, building=building, number=number)
                room.save(status_since=ROOMS_SINCE)
            rooms.append(room)
    base = datetime.date(2019, 1, 3)
    plan = []  # (room, applied, notified, moved_in, status)
    for i in range(RESIDENTS_BEFORE):
        applied = datetime.date(2016, 1, 4) + datetime.timedelta(days=10 * i)
        plan.append((applied, applied + datetime.timedelta(5), applied + datetime.timedelta(12)))
    for i, days in enumerate(DAYS):
        notified = base + datetime.timedelta(days=6 * i)
        plan.append(
            (notified - datetime.timedelta(10), notified, notified + datetime.timedelta(days))
        )
    for i in range(APPLYING):
        notified = datetime.date(2019, 12, 20) + datetime.timedelta(i)
        plan.append((notified - datetime.timedelta(10), notified, None))
    for n, (room, (applied, notified, moved_in)) in enumerate(zip(rooms, plan, strict=True)):
        allocation, _ = Allocation.objects.update_or_create(
            division=division,
            applicant=f"示範申請人 {n + 1:03d}",
            defaults={
                "room": room,
                "applied_on": applied,
                "notified_on": notified,
                "moved_in_on": moved_in,
                "status": AllocationStatus.MOVED_IN if moved_in else AllocationStatus.NOTIFIED,
            },
        )
        history = [(ROOMS_SINCE, RoomStatus.VACANT), (notified, RoomStatus.APPLYING)]
        if moved_in:
            history.append((moved_in, RoomStatus.LENT))
        _room_history(room, history, allocation)
    buildings = list(DormBuilding.objects.filter(division=division, name__in=DORMS))
    for i in range(INSPECTIONS):
        DormInspection.objects.get_or_create(
            division=division,
            building=buildings[i % 2],
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=i * 364 // INSPECTIONS),
        )
    for i in range(MAILINGS):
        DormMailing.objects.get_or_create(
            division=division,
            date=datetime.date(2019, 1, 8) + datetime.timedelta(days=15 * i),
            subject=f"職舍資訊第 {i + 1} 則",
        )
    share = (REPAIR_BUDGET / REPAIRS).quantize(Decimal(1))
    for i in range(REPAIRS):
        budget = share if i < REPAIRS - 1 else REPAIR_BUDGET - share * (REPAIRS - 1)
        RepairItem.objects.update_or_create(
            division=division,
            year=2019,
            title=f"職舍修繕養護項目 {i + 1:02d}",
            defaults={
                "building": buildings[i % 2],
                "budget": budget,
                "spent": budget,
                "done_on": datetime.date(2019, 1, 15) + datetime.timedelta(days=6 * i),
            },
        )


def _room_history(room, history, allocation):
    """Make the room's dated status history exactly `history` (and its status the last one)."""
    have = list(room.status_history.order_by("since", "pk").values_list("since", "status"))
    if have == history:
        return
    room.status_history.all().delete()
    for since, status in history:
        RoomStatusChange.objects.create(
            room=room,
            since=since,
            status=status,
            allocation=None if status == RoomStatus.VACANT else allocation,
        )
    room.status = history[-1][1]
    room.save(update_fields=["status", "last_updated"])


def load() -> None:
    """Create or update the demo records of 總務組."""
    division = Division.objects.get(code="general-affairs")
    _fleet(division)
    _estate(division)
    _dormitories(division)
