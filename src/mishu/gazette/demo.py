"""Demo gazette records that reproduce the seed's 壹四(三): 130 issues published in 108H2 (two
items each), 4,868 e-paper subscribers at 108/12/31 (out of more subscriptions, some ended in
the half-year and some begun after it), and the yearbooks 2018 (published) and 2019 (due
109/6/30). `load()` is idempotent; the large sets are bulk-written and logged per record."""

import datetime

from mishu.core import audit
from mishu.core.choices import ChangeSource
from mishu.core.models import Agency, Division

from .choices import ItemCategory
from .importing import write_subscriptions
from .models import Issue, Item, Subscription, Yearbook

START, END = datetime.date(2019, 7, 1), datetime.date(2019, 12, 31)
ISSUES, SUBSCRIBERS, LEFT, LATER = 130, 4868, 152, 40
FIRST_NUMBER = 121  # 108H1 had issues 1–120
YEARBOOKS = [
    ("臺北市年鑑 2018", 2018, "中、英文版電子書套組", "2019-06-30", "2019-06-20"),
    ("臺北市年鑑 2019", 2019, "中、英文版電子書套組", "2020-06-30", None),
]


def _day(i, n, start=START, end=END):
    return start + datetime.timedelta(days=(i * ((end - start).days + 1)) // n)


def load() -> None:
    """Create the demo gazette records that are not there yet."""
    division = Division.objects.get(code="confidential")
    with audit.audit_context(source=ChangeSource.SYSTEM, actor_name="loaddemo"):
        if not Issue.objects.filter(published_on__range=(START, END)).exists():
            _issues(division)
        if not Subscription.objects.exists():
            _subscriptions(division)
        for title, year, edition, due, published in YEARBOOKS:
            Yearbook.objects.get_or_create(
                division=division,
                year=year,
                defaults={
                    "title": title,
                    "edition": edition,
                    "due_on": datetime.date.fromisoformat(due),
                    "published_on": published and datetime.date.fromisoformat(published),
                },
            )


def _issues(division):
    issues = Issue.objects.bulk_create(
        [
            Issue(
                division=division,
                number=f"108 年第 {FIRST_NUMBER + i} 期",
                published_on=_day(i, ISSUES),
            )
            for i in range(ISSUES)
        ]
    )
    audit.record_created(issues)
    agencies = list(Agency.objects.order_by("order")[:20])
    items = Item.objects.bulk_create(
        [
            Item(
                division=division,
                issue=issue,
                category=category,
                agency=agencies[(i + k) % len(agencies)],
                title=f"{agencies[(i + k) % len(agencies)].short_name}"
                + ("修正自治條例" if category == ItemCategory.REGULATION else "公告事項"),
            )
            for i, issue in enumerate(issues)
            for k, category in enumerate((ItemCategory.REGULATION, ItemCategory.NOTICE))
        ]
    )
    audit.record_created(items)


def _subscriptions(division):
    early = datetime.date(2013, 1, 1)
    rows = [
        Subscription(
            division=division,
            email=f"reader{i:05d}@example.com",
            subscribed_on=_day(i, SUBSCRIBERS, early, END),
        )
        for i in range(SUBSCRIBERS)
    ]
    rows += [
        Subscription(
            division=division,
            email=f"former{i:04d}@example.com",
            subscribed_on=_day(i, LEFT, early, START),
            unsubscribed_on=_day(i, LEFT),
        )
        for i in range(LEFT)
    ]
    rows += [
        Subscription(
            division=division,
            email=f"new{i:04d}@example.com",
            subscribed_on=_day(i, LATER, datetime.date(2020, 1, 2), datetime.date(2020, 3, 31)),
        )
        for i in range(LATER)
    ]
    write_subscriptions(rows)
