"""Demo data of petitions: the 1,321 cases the mayor's office received in 108H2, by competent
agency as in the seed's table (壹四(一)), and the collective petitions of the year 108 whose
average time to dispersal is the seed's 0.79 hours (貳四).

`load()` is idempotent: demo cases are numbered ``P108…`` in a fixed order and skipped when the
number exists; collective petitions are identified by date and group.

Bulk path: cases are written with `bulk_create` (1,321 rows), which bypasses the audit signals,
so one change-log entry per case is written here with `mishu.core.audit.record`.
"""

import datetime
from zoneinfo import ZoneInfo

from mishu.core import audit
from mishu.core.choices import ChangeAction, ChangeSource
from mishu.core.models import Agency, Division
from mishu.core.workdays import WorkCalendar

from .choices import Channel, Status
from .models import CollectivePetition, PetitionCase

# competent agency → cases received in 108H2 (the seed's table, in its order)
BY_AGENCY = {
    "秘書處": 20, "捷運公司": 5, "財政局": 28, "民政局": 45, "產業局": 88, "教育局": 113,
    "交通局": 56, "工務局": 74, "勞動局": 24, "社會局": 116, "衛生局": 56, "警察局": 79,
    "都發局": 303, "環保局": 47, "消防局": 13, "文化局": 29, "地政局": 36, "捷運局": 12,
    "體育局": 13, "觀傳局": 24, "法務局": 57, "資訊局": 15, "人事處": 11, "政風處": 12,
    "研考會": 10, "北水處": 7, "原民會": 5, "翡管局": 3, "兵役局": 3, "都委會": 15,
    "主計處": 1, "客委會": 1,
}  # fmt: skip
CHANNELS = [Channel.MAILBOX, Channel.HOTLINE, Channel.LETTER, Channel.EMAIL, Channel.WALK_IN]
# (date, group, size, minutes from arrival to dispersal): 474 minutes over 10 = 0.79 hours
COLLECTIVE = [
    ("2019-03-12", "都更自救會", 30, 40),
    ("2019-05-21", "攤商聯誼會", 25, 55),
    ("2019-07-16", "社區發展協會", 20, 48),
    ("2019-08-13", "家長聯盟", 40, 42),
    ("2019-09-10", "里民自救會", 35, 50),
    ("2019-10-08", "公車駕駛工會", 50, 45),
    ("2019-10-24", "環保團體", 15, 47),
    ("2019-11-19", "老舊公寓住戶", 22, 52),
    ("2019-12-03", "動物保護團體", 60, 46),
    ("2019-12-17", "身心障礙團體", 28, 49),
]
TAIPEI = ZoneInfo("Asia/Taipei")


def _receipt_days() -> list[datetime.date]:
    cal, day, out = WorkCalendar(), datetime.date(2019, 7, 1), []
    while day <= datetime.date(2019, 12, 31):
        if cal.is_workday(day):
            out.append(day)
        day += datetime.timedelta(days=1)
    return out


def load_cases() -> int:
    """Create the missing demo cases; returns how many were created."""
    division = Division.objects.get(code="confidential")
    agencies = {a.short_name: a for a in Agency.objects.filter(short_name__in=BY_AGENCY)}
    existing = set(
        PetitionCase.objects.filter(number__startswith="P108").values_list("number", flat=True)
    )
    days, cal, new, serial = _receipt_days(), WorkCalendar(), [], 0
    for short_name, count in BY_AGENCY.items():
        for _i in range(count):
            serial += 1
            number = f"P108{serial:06d}"
            if number in existing:
                continue
            received = days[(serial * 7) % len(days)]
            replied = cal.add_workdays(received, 1 + serial % 7)  # some over the 6-day limit
            new.append(
                PetitionCase(
                    division=division,
                    number=number,
                    channel=CHANNELS[serial % len(CHANNELS)],
                    received_on=received,
                    subject=f"{short_name}業務陳情（示範案件 {serial}）",
                    petitioner_name=f"示範市民{serial}",
                    agency=agencies[short_name],
                    status=Status.CLOSED,
                    deadline=cal.add_workdays(received, 6),
                    reply="已函請權責機關查明並答復。",
                    replied_on=replied,
                    closed_on=replied,
                )
            )
    created = PetitionCase.objects.bulk_create(new, batch_size=500)
    with audit.audit_context(source=ChangeSource.SYSTEM, actor_name="loaddemo"):
        for case in created:
            audit.record(case, ChangeAction.CREATE, audit.diff({}, audit.snapshot(case)))
    return len(created)


def load_collective() -> None:
    """Create or update the demo collective petitions of 108."""
    division = Division.objects.get(code="citizen-services")
    for date, group, size, minutes in COLLECTIVE:
        day = datetime.date.fromisoformat(date)
        arrived = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=TAIPEI)
        CollectivePetition.objects.update_or_create(
            division=division,
            date=day,
            group=group,
            defaults={
                "place": "市政大樓府前廣場",
                "size": size,
                "arrived_at": arrived,
                "dispersed_at": arrived + datetime.timedelta(minutes=minutes),
            },
        )


def load() -> None:
    """Create the demo petition cases and collective petitions."""
    load_cases()
    load_collective()
