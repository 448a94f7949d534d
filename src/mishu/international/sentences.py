"""The division's records as report sentences, in the seed's words (壹三):

- ``international.trips``: ``108年7月2至5日柯市長文哲率團赴大陸上海市出席…。``
- ``international.agreements``: a city's agreement stages reached in the period, the later
  ones in brackets (``（業於109年1月13日完成姊妹市盟約簽署）``);
- ``international.delegations``: the delegations received (``named=yes`` for those a clerk
  flagged for the report; ``pattern="{name}"`` with ``join=、`` for a run-on list);
- ``international.meetings``: committee meetings, courses, forums, review meetings
  (``kind=committee,mainland``), with their attendance.
"""

from django.db.models import Q

from mishu.core import formats
from mishu.reports import sources

from .choices import MEETING_VERBS, STAGE_PHRASES, MeetingKind
from .models import AgreementStage, Delegation, Meeting, SisterCity, Trip


def _records(model, user):
    return model.objects.all() if user is None else model.objects.restrict(user, "view")


def _overlapping(qs, period, start, end):
    return qs.filter(**{f"{start}__lte": period.end}).filter(
        Q(**{f"{end}__gte": period.start})
        | Q(**{f"{end}__isnull": True, f"{start}__gte": period.start})
    )


def _no_filters(name, filters, allowed):
    if filters:
        raise ValueError(
            f"{name} 不支援參數：{'、'.join(sorted(filters))}（可用：{'、'.join(allowed)}）"
        )


def _int(v):
    return formats.format_int(v) if isinstance(v, int) else v


@sources.register("international.trips")
def trip_sentences(period, user=None, **filters) -> list[str]:
    """Trips abroad overlapping the period, oldest first: ``{when}{leader}率團赴{where}{purpose}。``"""
    _no_filters("international.trips", filters, ["（無）"])
    qs = _overlapping(_records(Trip, user), period, "start_date", "end_date")
    return [
        sources.markdown_safe(f"{sources.compact_range(t.start_date, t.end_date)}{t.description}。")
        for t in qs.order_by("start_date", "end_date", "pk")
    ]


def _stage_when(stage: AgreementStage) -> str:
    if stage.month_only:
        return f"{formats.roc_year(stage.date.year)}年{stage.date.month}月"
    return sources.compact_date(stage.date)


def agreement_sentence(city: SisterCity, period, user=None) -> str | None:
    """「本市與捷克布拉格締結姊妹市案於108年12月24日經貴會審議通過，108年12月27日函送行政院
    核定（業於109年1月13日完成姊妹市盟約簽署）。」: the stages in the period, then the later ones."""
    stages = sorted(
        _records(AgreementStage, user).filter(city=city), key=lambda s: (s.sort_date, s.pk)
    )
    within = [s for s in stages if period.start <= s.sort_date <= period.end]
    if not within:
        return None
    later = [s for s in stages if s.sort_date > period.end]
    text = (
        city.case_title + "於" + "，".join(_stage_when(s) + STAGE_PHRASES[s.stage] for s in within)
    )
    if later:
        text += "（業於" + "、".join(_stage_when(s) + STAGE_PHRASES[s.stage] for s in later) + "）"
    return text + "。"


@sources.register("international.agreements")
def agreement_sentences(period, user=None, **filters) -> list[str]:
    """The sister-city agreements that moved in the period, in the order they first moved."""
    _no_filters("international.agreements", filters, ["（無）"])
    moved = sorted(
        _records(AgreementStage, user).filter(date__range=(period.start, period.end)),
        key=lambda s: (s.sort_date, s.pk),
    )
    order = list(dict.fromkeys(s.city_id for s in moved))
    cities = _records(SisterCity, user).in_bulk(order)
    out = []
    for pk in order:
        if pk in cities and (text := agreement_sentence(cities[pk], period, user)):
            out.append(sources.markdown_safe(text))
    return out


DELEGATION_FIELDS = ("when", "name", "country", "size", "received_by")
DELEGATION_PATTERNS = ["{when}{name}來府拜會，計 {size} 人。"]


@sources.register("international.delegations")
def delegation_sentences(period, user=None, named: str = "", pattern: str = "", **filters):
    """Delegations received in the period, oldest first; ``named=yes`` keeps those flagged
    for the report; ``pattern`` may use {when} {name} {country} {size} {received_by}."""
    _no_filters("international.delegations", filters, ["named", "pattern"])
    if named not in ("", "yes", "no"):
        raise ValueError(f"named=「{named}」不明（可用：yes、no）")
    if pattern:
        sources.check_pattern(pattern, DELEGATION_FIELDS)
    qs = _records(Delegation, user).filter(received_on__range=(period.start, period.end))
    if named:
        qs = qs.filter(named_in_report=named == "yes")
    out = []
    for d in qs.order_by("received_on", "pk"):
        values = {
            "when": sources.compact_range(d.received_on, d.end_on or d.received_on),
            "name": d.display_name,
            "country": d.country,
            "size": _int(d.size),
            "received_by": d.received_by,
        }
        patterns = [pattern, *DELEGATION_PATTERNS] if pattern else DELEGATION_PATTERNS
        out.append(sources.markdown_safe(sources.first_fitting(values, patterns) or d.display_name))
    return out


MEETING_FIELDS = ("when", "verb", "title", "summary", "place", "persons", "units")


def _attendance_phrase(totals: dict) -> str:
    if not totals["persons"]:
        return ""
    if totals["mission_units"]:
        return (
            f"，計有國內外貴賓 {_int(totals['persons'])} 位出席，並有來自 "
            f"{_int(totals['mission_units'])} 個駐華單位之 {_int(totals['mission_persons'])} 位代表與會"
        )
    return f"，計 {_int(totals['persons'])} 人出席"


def meeting_sentence(meeting: Meeting, pattern: str = "") -> str:
    """「108年12月12日召開本府國際事務委員會第 4 次會議暨年終感謝餐會，會中由觀傳局簡報…，
    計有國內外貴賓 98 位出席，並有來自 36 個駐華單位之 43 位代表與會。」"""
    totals = meeting.attendance_totals()
    when = sources.compact_range(meeting.start_date, meeting.end_date or meeting.start_date)
    if pattern:
        values = {
            "when": when,
            "verb": MEETING_VERBS.get(meeting.kind, ""),
            "title": meeting.title,
            "summary": meeting.summary,
            "place": meeting.place,
            "persons": _int(totals["persons"]),
            "units": _int(totals["units"]),
        }
        text = sources.first_fitting(values, [pattern])
        if text is not None:
            return text
    text = when + MEETING_VERBS.get(meeting.kind, "") + meeting.title
    if meeting.summary:
        text += "，" + meeting.summary.rstrip("。")
    return text + _attendance_phrase(totals) + "。"


@sources.register("international.meetings")
def meeting_sentences(period, user=None, kind: str = "", pattern: str = "", **filters):
    """Meetings overlapping the period, oldest first; ``kind`` names one or more kinds
    (committee, mainland, training, forum, review, other), comma-separated."""
    _no_filters("international.meetings", filters, ["kind", "pattern"])
    kinds = [k.strip() for k in kind.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in MeetingKind.values]
    if unknown:
        raise ValueError(
            f"未知的會議類別：{'、'.join(unknown)}（可用：{'、'.join(MeetingKind.values)}）"
        )
    if pattern:
        sources.check_pattern(pattern, MEETING_FIELDS)
    qs = _overlapping(_records(Meeting, user), period, "start_date", "end_date")
    if kinds:
        qs = qs.filter(kind__in=kinds)
    qs = qs.prefetch_related("attendance").order_by("start_date", "pk")
    return [sources.markdown_safe(meeting_sentence(m, pattern)) for m in qs]
