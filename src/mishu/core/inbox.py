"""The inbox: what waits for a person (待辦), for a supervisor's decision (待核) and what is past its
deadline in their unit (逾期).

Each app contributes its items through one small registry, as it does its navigation: its
``inbox.py`` declares a `Provider` and its AppConfig.ready registers it. The home page asks
`collect(user)` and never reads another app's tables. Days left are counted here, in working days
where the app counts working days (core.workdays), so a reminder shows the moment it is due,
computed on the request rather than left by the nightly job.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from .choices import RoleCode
from .workdays import office_calendar

MINE, REVIEW, OVERDUE = "mine", "review", "overdue"
TABS = (MINE, REVIEW, OVERDUE)
LIMIT = 50  # items listed per provider and tab; the count says how many there are in all


@dataclass(frozen=True)
class Item:
    """One thing to do: what it is, where to open it and by when."""

    kind: str  # what sort of record (公文, 陳情案件, 展期申請 …), already translated
    title: str
    url: str
    deadline: datetime.date | None = None
    note: str = ""  # the state or the step awaited
    remind_within: int = 0  # a reminder is due this many days (of the app's count) before


@dataclass(frozen=True)
class Part:
    """A provider's answer for one tab: the total and the first `LIMIT` items."""

    count: int
    items: list[Item]


def part(queryset, to_item: Callable[[object], Item], limit: int = LIMIT) -> Part:
    """A `Part` from a queryset: its count and its first `limit` records made into items."""
    rows = list(queryset[:limit])
    count = len(rows) if len(rows) < limit else queryset.count()
    return Part(count, [to_item(r) for r in rows])


EMPTY = Part(0, [])


def merge(*parts: Part) -> Part:
    """One `Part` of several (a provider with more than one kind of item in a tab)."""
    return Part(sum(p.count for p in parts), [i for p in parts for i in p.items])


def by_due(queryset, due: str = "deadline"):
    """Records ordered by their due date (the field `due`), then by when they were made."""
    return queryset.order_by(due, "pk")


def unit_overdue(queryset, user, today, to_item, due: str = "deadline") -> Part:
    """The open records of `queryset` that belong to the user's unit and are past `due`."""
    qs = queryset.filter(division=user.division_id, **{f"{due}__lt": today})
    return part(by_due(qs, due), to_item)


@dataclass(frozen=True)
class Provider:
    """What one app puts in the inbox. Each function takes (user, today) and returns a `Part`;
    `workdays` says whether the app counts its deadlines in working days."""

    name: str
    mine: Callable | None = None
    review: Callable | None = None
    overdue: Callable | None = None
    workdays: bool = True


PROVIDERS: dict[str, Provider] = {}


def unit_provider(name: str, open_records, to_item, *, due="due_on", workdays=True) -> Provider:
    """A provider for what a unit owes by a date and no one person handles (a news response, a
    council question): 待辦 for the unit's members, 逾期 past the date. `open_records(user)` is
    the queryset of open records the user may see."""

    def mine(user, today) -> Part:
        if user.division_id is None:
            return EMPTY
        return part(by_due(open_records(user).filter(division=user.division_id), due), to_item)

    def overdue(user, today) -> Part:
        return unit_overdue(open_records(user), user, today, to_item, due)

    return Provider(name, mine=mine, overdue=overdue, workdays=workdays)


def register(provider: Provider) -> None:
    """Add an app's provider (each app calls this from its AppConfig.ready)."""
    PROVIDERS[provider.name] = provider


def is_reviewer(user) -> bool:
    """Whether the user decides what others ask: supervisors, 研考 and administrators."""
    return bool(
        user
        and user.is_authenticated
        and user.has_role(RoleCode.SUPERVISOR, RoleCode.EVALUATOR, RoleCode.ADMIN)
    )


@dataclass
class Row:
    """An item as the page shows it: days left (negative: days overdue) and whether a reminder
    is due."""

    item: Item
    days_left: int | None
    remind: bool
    workdays: bool = True  # whether the days are working days

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.overdue else 0


@dataclass
class Tab:
    key: str
    count: int = 0
    rows: list[Row] = field(default_factory=list)


def days_left(deadline, today, calendar=None) -> int | None:
    """Days from `today` to `deadline`: working days with a calendar, calendar days without;
    negative when the deadline has passed (a deadline of today leaves 0)."""
    if deadline is None:
        return None
    if calendar is None:
        return (deadline - today).days
    if deadline >= today:
        return calendar.workdays_between(today, deadline)
    return -calendar.workdays_between(deadline, today)


def _rows(provider: Provider, items: Iterable[Item], today, calendar) -> list[Row]:
    rows = []
    for item in items:
        left = days_left(item.deadline, today, calendar if provider.workdays else None)
        remind = left is not None and left <= item.remind_within
        rows.append(Row(item, left, remind, provider.workdays))
    return rows


def collect(user, today: datetime.date | None = None) -> dict[str, Tab]:
    """The user's inbox: one `Tab` per kind (mine, review, overdue), items by deadline (none
    last). 待核 is asked only of reviewers; 逾期 only of users who belong to a unit."""
    today = today or timezone.localdate()
    calendar = office_calendar()
    tabs = {key: Tab(key) for key in TABS}
    for provider in PROVIDERS.values():
        for key in TABS:
            fn = getattr(provider, key)
            if fn is None or (key == REVIEW and not is_reviewer(user)):
                continue
            if key == OVERDUE and user.division_id is None:
                continue
            answer = fn(user, today)
            tabs[key].count += answer.count
            tabs[key].rows += _rows(provider, answer.items, today, calendar)
    far = datetime.date.max
    for tab in tabs.values():
        tab.rows.sort(key=lambda r: (r.item.deadline or far, r.item.title))
    return tabs


def reminders(tabs: dict[str, Tab]) -> tuple[int, int]:
    """(due soon, overdue) among the user's own items: the reminders due today, computed now."""
    rows = tabs[MINE].rows
    return (
        sum(1 for r in rows if r.remind and not r.overdue),
        sum(1 for r in rows if r.overdue),
    )
