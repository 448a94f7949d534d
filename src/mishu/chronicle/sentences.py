"""Chronicle events written as report sentences, one pattern per category.

The patterns follow the seed report: a trip is ``108年7月2至5日柯市长率團赴上海。``, a
training ``108年9月6日辦理消防種子成員培訓，計 58 人參加。``. Each category has patterns in
order of preference; the first whose fields the event has is used, so an event without a head
count still reads as a sentence. The module registers the ``chronicle.events`` list source.
"""

from django.db.models import Q

from mishu.core import formats
from mishu.reports import sources

from .choices import EventCategory
from .models import Event

# Fields a pattern may use (FIELDS): ``when`` is the compact date or range, ``date`` the start
# date, ``done``/``accepted`` the start and end of an event that has an end date, and
# ``accepted_md`` its end as ``11 月 26 日`` (month and day, as the seed's KPI section writes).
FIELDS = (
    "when",
    "date",
    "done",
    "accepted",
    "accepted_md",
    "months",
    "title",
    "place",
    "people",
    "description",
    "persons",
    "sessions",
    "groups",
)
PATTERNS: dict[str, list[str]] = {
    EventCategory.TRIP: ["{when}{title}。"],
    EventCategory.VISIT: [
        "{title}，計 {groups} 團、{persons} 人。",
        "{title}，計 {persons} 人。",
        "{when}{title}。",
    ],
    EventCategory.MEETING: ["{when}召開{title}，計 {persons} 人出席。", "{when}召開{title}。"],
    EventCategory.FORUM: ["{when}{title}。"],
    EventCategory.TRAINING: [
        "{when}辦理{title}，計 {sessions} 場次、{persons} 人參加。",
        "{when}辦理{title}，計 {persons} 人參加。",
        "{when}辦理{title}。",
    ],
    EventCategory.AWARD: ["{when}{title}。"],
    # a project event runs from completion (竣工, start) to acceptance (驗收, end)
    EventCategory.PROJECT: [
        "「{title}」全案業於 {done} 竣工，並於 {accepted} 驗收合格。",
        "「{title}」於 {when} 驗收合格。",
    ],
    EventCategory.INSPECTION: ["{when}辦理{title}，計 {sessions} 場次。", "{when}辦理{title}。"],
    EventCategory.EXHIBITION: ["{when}於{place}展出{title}。", "{when}展出{title}。"],
    EventCategory.DRILL: ["{when}辦理{title}，計 {persons} 人參加。", "{when}辦理{title}。"],
    EventCategory.PUBLICATION: ["{when}出版{title}。"],
    EventCategory.OTHER: ["{when}{title}。"],
}


def compact_when(event: Event) -> str:
    """The event's date or range without spaces, as the seed writes it: ``108年7月2至5日``."""
    return sources.compact_range(event.start_date, event.end_date or event.start_date)


def _fields(event: Event) -> dict[str, object]:
    end = event.end_date
    values = {
        "when": compact_when(event),
        "date": sources.compact_date(event.start_date),
        "done": sources.compact_date(event.start_date) if end else None,
        "accepted": sources.compact_date(end) if end else None,
        "accepted_md": f"{(end or event.start_date).month} 月 {(end or event.start_date).day} 日",
        "months": sources.months_spanned(event.start_date, end) if end else None,
        "title": event.title,
        "place": event.place,
        "people": event.people,
        "description": event.description,
        "persons": event.persons,
        "sessions": event.sessions,
        "groups": event.groups,
    }
    return {k: (formats.format_int(v) if isinstance(v, int) else v) for k, v in values.items()}


def sentence(event: Event, pattern: str = "") -> str:
    """The event as one sentence: ``pattern`` if given and the event has its fields, else the
    first pattern of its category whose fields it has."""
    fields = _fields(event)
    candidates = PATTERNS.get(event.category) or PATTERNS[EventCategory.OTHER]
    if pattern:
        candidates = [pattern, *candidates]
    return sources.first_fitting(fields, candidates) or f"{fields['when']}{fields['title']}。"


def events(
    period, user=None, category: str = "", division: str = "", title: str = ""
) -> list[Event]:
    """The events overlapping ``period`` that ``user`` may see, oldest first.

    ``category`` may name several categories separated by commas; ``division`` is a division
    code. Without a user (a command or the system) every division's events are listed.
    """
    qs = Event.objects.all() if user is None else Event.objects.restrict(user, "view")
    qs = qs.filter(start_date__lte=period.end).filter(
        Q(end_date__gte=period.start) | Q(end_date__isnull=True, start_date__gte=period.start)
    )
    if category:
        qs = qs.filter(category__in=[c.strip() for c in category.split(",") if c.strip()])
    if division:
        qs = qs.filter(division__code=division)
    if title:
        qs = qs.filter(title__contains=title)
    return list(qs.order_by("start_date", "end_date", "pk"))


@sources.register("chronicle.events")
def event_sentences(
    period,
    user=None,
    category: str = "",
    division: str = "",
    pattern: str = "",
    title: str = "",
    **filters,
) -> list[str]:
    """The ``chronicle.events`` list source: one Markdown-safe sentence per event.

    ``category`` (comma-separated), ``division`` (a code) filter; ``pattern`` overrides the
    category's sentence, e.g. ``pattern="「{title}」於 {accepted_md}驗收合格"``.
    """
    if filters:
        raise ValueError(
            "chronicle.events 不支援參數："
            + "、".join(sorted(filters))
            + "（可用：category、division、title、pattern）"
        )
    known = set(EventCategory.values)
    unknown = [c for c in category.split(",") if c.strip() and c.strip() not in known]
    if unknown:
        raise ValueError(
            f"未知的事件類別：{'、'.join(unknown)}（可用：{'、'.join(sorted(known))}）"
        )
    if pattern:
        sources.check_pattern(pattern, FIELDS)
    return [
        sources.markdown_safe(sentence(e, pattern))
        for e in events(period, user, category, division, title)
    ]
