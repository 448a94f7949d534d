"""Demo data of the citizen-service counters: the seed's 108H2 tables (壹五) as one row per
month and category with its count, the volunteers' figures month by month, and the three
nursing rooms with their uses.

`load()` is idempotent: rows are identified by division, date and category (or room).
"""

import datetime

from mishu.core.models import Division

from .choices import ConsultationField, CoordinationKind, CounterCategory
from .models import (
    CoordinatedPetition,
    CounterContact,
    NursingRoom,
    NursingRoomUse,
    ProfessionalConsultation,
    VolunteerService,
)

MONTHS = (7, 8, 9, 10, 11, 12)  # of 2019 (ROC 108)
COUNTER = {
    CounterCategory.CIVIL: (144, 170, 158, 153, 178, 160),
    CounterCategory.FINANCE: (45, 73, 57, 58, 51, 69),
    CounterCategory.EDUCATION: (15, 15, 21, 23, 26, 22),
    CounterCategory.TRANSPORT: (82, 83, 107, 108, 119, 88),
    CounterCategory.PUBLIC_WORKS: (91, 87, 91, 96, 89, 84),
    CounterCategory.POLICE_HEALTH: (36, 9, 24, 27, 18, 26),
}
COORDINATED = {
    CoordinationKind.INDIVIDUAL: (16, 8, 13, 20, 25, 20),
    CoordinationKind.COLLECTIVE: (1, 1, 1, 2, 1, 2),
}
CONSULTATIONS = {
    ConsultationField.LEGAL: (858, 800, 730, 836, 788, 819),
    ConsultationField.BUILDING: (238, 192, 192, 222, 174, 172),
    ConsultationField.LAND: (168, 176, 154, 183, 173, 172),
}
VOLUNTEER_PERSONS, VOLUNTEER_LEAFLETS = 111930, 59335
ROOMS = [("市政大樓 1 樓哺集乳室", "中央區 1 樓"), ("市政大樓 2 樓哺集乳室", "北區 2 樓"),
         ("市政大樓 B1 哺集乳室", "東區地下 1 樓")]  # fmt: skip
ROOM_USES = 3588


def _split(total: int, parts: int) -> list[int]:
    """`total` in `parts` nearly equal whole parts that add up exactly."""
    base, rest = divmod(total, parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


def _month_day(month: int) -> datetime.date:
    return datetime.date(2019, month, 1)


def load() -> None:
    """Create or update the demo tallies, volunteer figures and nursing rooms."""
    division = Division.objects.get(code="citizen-services")
    tables = (
        (CounterContact, "category", COUNTER),
        (CoordinatedPetition, "kind", COORDINATED),
        (ProfessionalConsultation, "field", CONSULTATIONS),
    )
    for model, field, table in tables:
        for value, counts in table.items():
            for month, count in zip(MONTHS, counts, strict=True):
                model.objects.update_or_create(
                    division=division,
                    date=_month_day(month),
                    **{field: value},
                    defaults={"count": count},
                )
    persons = _split(VOLUNTEER_PERSONS, len(MONTHS))
    leaflets = _split(VOLUNTEER_LEAFLETS, len(MONTHS))
    for month, p, n in zip(MONTHS, persons, leaflets, strict=True):
        VolunteerService.objects.update_or_create(
            division=division,
            date=_month_day(month),
            defaults={"persons_served": p, "leaflets": n},
        )
    rooms = []
    for name, location in ROOMS:
        room, _created = NursingRoom.objects.update_or_create(
            division=division,
            name=name,
            defaults={"location": location, "opened_on": datetime.date(2015, 1, 1)},
        )
        rooms.append(room)
    uses = _split(ROOM_USES, len(MONTHS) * len(rooms))
    for i, (month, room) in enumerate((m, r) for m in MONTHS for r in rooms):
        NursingRoomUse.objects.update_or_create(
            division=division, date=_month_day(month), room=room, defaults={"count": uses[i]}
        )
