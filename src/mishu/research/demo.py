"""Demo records of 研考 (總務組) that reproduce the seed's 壹一(四) for 108H2: 24 phone courtesy
test calls with 勞動局 and 消防局 (three of them found the answerer not stating the unit's name
and their own name), 6 timeliness bulletins and 1 training session. Dates, units, topics and
attendance are demo values (示範). `load()` is idempotent."""

import datetime

from mishu.core.models import Agency, Division

from .choices import Check
from .models import Bulletin, PhoneTest, TrainingAttendance, TrainingSession

D = datetime.date
UNITS = ["總務組", "文書組", "國際事務組", "機要組", "市民服務組", "媒體事務組"]


def load() -> None:
    """Create or update the demo records."""
    div = Division.objects.get(code="general-affairs")
    agencies = {a.code: a for a in Agency.objects.filter(code__in=["secretariat", "labor", "fire"])}
    for i in range(24):
        # the secretariat calls the two departments and they call it, 6 of each per quarter
        ours = i % 2 == 0
        other = agencies["labor"] if i % 4 < 2 else agencies["fire"]
        failed = {Check.FIRST_UNIT, Check.FIRST_NAME} if i in (3, 10, 17) else set()
        PhoneTest.objects.update_or_create(
            division=div,
            tested_on=D(2019, 7 + i // 4, 2 + (i % 4) * 7),
            tested_unit=UNITS[i % len(UNITS)] if not ours else f"示範科室（{i + 1}）",
            defaults={
                "tester_agency": agencies["secretariat"] if ours else other,
                "tested_agency": other if ours else agencies["secretariat"],
                "tester_name": "示範測試員",
                "checks": {c: c not in failed for c in Check.values},
                "findings": "首接時未清楚報明業務單位名稱及姓名" if failed else "",
            },
        )
    for issue in range(1, 7):
        Bulletin.objects.update_or_create(
            division=div,
            issue=issue + 12,
            defaults={
                "published_on": D(2019, 6 + issue, 15),
                "title": f"公文時效管制宣導（示範第 {issue + 12} 期）",
            },
        )
    session, _ = TrainingSession.objects.update_or_create(
        division=div,
        held_on=D(2019, 10, 24),
        title="公文時效管理及線上簽核實務（示範）",
        defaults={"hours": 2, "lecturer": "示範講師"},
    )
    if not session.attendance.exists():
        for unit, persons in (("總務組", 12), ("文書組", 18), ("國際事務組", 8)):
            TrainingAttendance.objects.create(
                division=div, session=session, unit=unit, persons=persons
            )
