"""Demo venues and bookings of 公管中心 that reproduce the seed report's figures for 108H2:
venue bookings (66 / 15 / 12, NT$279,500 computed from the fee schedule), stage and AV loans
(47, 40, NT$1,540,000 saved).

`load()` is idempotent: every record is found by a natural key and updated in place.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from mishu.core.models import Agency, Division

from .models import (
    ApplicantKind,
    Booking,
    BookingStatus,
    Purpose,
    ReportGroup,
    Venue,
    VenueRate,
)
from .services import fees

# (name, report group, closed ISO weekdays): the rentable spaces
VENUES = [
    ("1 樓中庭", ReportGroup.ATRIUM, ""),
    ("市民廣場", ReportGroup.PLAZA, ""),
    ("2 樓北區迴廊", ReportGroup.OTHER, "6,7"),
    ("東側廣場", ReportGroup.OTHER, ""),
]
# the fee schedule: (label, fee per session, session hours)
RATES = [("半日（4 小時）", 6500, 4), ("全日（8 小時）", 13000, 8)]
# 108H2 approved bookings per venue. The first 43 are the public's half-day events (09:00-13:00),
# each charged one half-day session by the schedule: 43 × NT$6,500 = NT$279,500. The others are
# city agencies' full-day policy-promotion and charity events, fee-exempt under the schedule.
BOOKINGS = {"1 樓中庭": 66, "市民廣場": 15, "2 樓北區迴廊": 7, "東側廣場": 5}
PAYING = 43
EXEMPT = (Purpose.PROMOTION, Purpose.CHARITY)  # the venues' fee-exempt purposes for agencies
FEE_FIELDS = ("fee", "fee_sessions", "fee_rate", "fee_rate_label", "fee_exempt")
STAGES, AVS = 47, 40  # set up in the atrium; a stage saves 20,000, a sound set 15,000
STAGE_SAVING, AV_SAVING = Decimal(20000), Decimal(15000)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _load_venues(city_hall):
    venues = {}
    for name, group, closed in VENUES:
        venues[name], _ = Venue.objects.update_or_create(
            division=city_hall,
            name=name,
            defaults={
                "report_group": group,
                "closed_weekdays": closed,
                "fee_exempt_purposes": ",".join(EXEMPT),
            },
        )
        for label, amount, hours in RATES:
            VenueRate.objects.update_or_create(
                division=city_hall,
                venue=venues[name],
                label=label,
                defaults={"amount": Decimal(amount), "hours": Decimal(hours)},
            )
    return venues


def _load_bookings(city_hall, venues):
    agencies = list(Agency.objects.order_by("order", "pk")[:10])
    n = 0
    for name, count in BOOKINGS.items():
        for i in range(count):
            # one event every other day from 1 July, from 09:00: no two overlap
            day = datetime.date(2019, 7, 1) + datetime.timedelta(days=2 * i)
            paying = n < PAYING
            atrium = name == "1 樓中庭"
            purposes = ("promotion", "charity", "culture", "education") if paying else EXEMPT
            defaults = {
                "title": f"示範活動 {n + 1:03d}",
                "purpose": purposes[n % len(purposes)],
                "applicant_kind": ApplicantKind.PUBLIC if paying else ApplicantKind.AGENCY,
                "applicant": f"示範團體 {n + 1:03d}" if paying else "",
                "agency": None if paying or not agencies else agencies[n % len(agencies)],
                "ends": _at(day, 13 if paying else 17),
                "status": BookingStatus.APPROVED,
                "fee_paid_on": day - datetime.timedelta(days=7) if paying else None,
                "stage": atrium and i < STAGES,
                "av": atrium and i < AVS,
            }
            if defaults["applicant"] == "":
                defaults["applicant"] = str(defaults["agency"] or "臺北市政府")
            defaults["saving"] = STAGE_SAVING * defaults["stage"] + AV_SAVING * defaults["av"]
            # the fee as approval computes it from the schedule
            booking = Booking(division=city_hall, venue=venues[name], starts=_at(day, 9))
            for field, value in defaults.items():
                setattr(booking, field, value)
            fees.apply(booking)
            for field in FEE_FIELDS:
                defaults[field] = getattr(booking, field)
            Booking.objects.update_or_create(
                division=city_hall, venue=venues[name], starts=_at(day, 9), defaults=defaults
            )
            n += 1
    # a rejected application: it holds nothing and counts in no figure
    Booking.objects.update_or_create(
        division=city_hall,
        venue=venues["市民廣場"],
        starts=_at(datetime.date(2019, 8, 3), 9),
        defaults={
            "title": "示範商業展售（不符用途）",
            "purpose": "culture",
            "applicant": "示範公司",
            "ends": _at(datetime.date(2019, 8, 3), 17),
            "status": BookingStatus.REJECTED,
        },
    )


def load() -> None:
    """Create or update the demo venues and bookings."""
    city_hall = Division.objects.get(code="city-hall")
    venues = _load_venues(city_hall)
    _load_bookings(city_hall, venues)
