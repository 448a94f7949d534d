"""The council figures of the report (壹四(二), 貳三), computed from the council records.

- The term and session at which the report is given: the first regular session starting after
  the period; the session whose written replies the period compiled: the last regular session
  that started by the period's end.
- The paperless city meetings since 93/1, the sheets and the money they saved: stocks,
  cumulative to the period's end.
- The KPI 府會拜訪: over the regular sessions of the period and the city's active agencies, the
  share of (session, agency) pairs in which the agency's head visited more than 2/3 of the
  term's members (每會期均提請各局處首長積極拜訪議員).
"""

from decimal import Decimal

from django.db.models import Count, Sum

from mishu.core.models import Agency
from mishu.indicators import registry

from .choices import SessionKind
from .models import CityMeeting, Member, Session, Visit

CONFIDENTIAL = "confidential"


def _regular(user):
    return registry.records(Session, user).filter(kind=SessionKind.REGULAR).select_related("term")


def reporting_session(period, user):
    """The regular session at which the period's report is given (the first after it)."""
    return _regular(user).filter(starts_on__gt=period.end).order_by("starts_on").first()


def replied_session(period, user):
    """The last regular session that started by the period's end."""
    return _regular(user).filter(starts_on__lte=period.end).order_by("-starts_on").first()


def _declare(code, label, label_en, unit, kind="count"):
    return registry.computed(
        code=code, label=label, label_en=label_en, unit=unit, kind=kind, division=CONFIDENTIAL
    )


@_declare("council.term", "市議會屆次", "Council term", "屆")
def term(period, user):
    """The term of the session at which the report is given."""
    session = reporting_session(period, user)
    return Decimal(session.term.number) if session else None


@_declare(
    "council.session",
    "本期報告之定期大會次別",
    "Regular session at which the report is given",
    "次",
)
def session(period, user):
    """The number of the regular session at which the report is given."""
    s = reporting_session(period, user)
    return Decimal(s.number) if s else None


@_declare(
    "council.replied_session",
    "本期彙編書面答復之定期大會次別",
    "Regular session whose questions were answered this period",
    "次",
)
def replied(period, user):
    """The number of the regular session whose written replies the period compiled."""
    s = replied_session(period, user)
    return Decimal(s.number) if s else None


def _paperless_to(period, user):
    qs = registry.records(CityMeeting, user).filter(paperless=True, held_on__lte=period.end)
    return qs if qs.exists() else None


@_declare(
    "council.paperless_records",
    "市政會議線上會議資料累計筆數",
    "City meeting records online (cumulative)",
    "筆",
)
def paperless_records(period, user):
    """Paperless city meetings held up to the period's end (one online record each)."""
    qs = _paperless_to(period, user)
    return Decimal(qs.count()) if qs is not None else None


@_declare(
    "council.paper_sheets_saved",
    "市政會議無紙化累計節約 A4 用紙",
    "A4 sheets saved by paperless city meetings (cumulative)",
    "張",
    kind="amount",
)
def paper_sheets_saved(period, user):
    """A4 sheets the paperless meetings saved, up to the period's end."""
    qs = _paperless_to(period, user)
    return Decimal(qs.aggregate(v=Sum("sheets_saved"))["v"] or 0) if qs is not None else None


@_declare(
    "council.paper_cost_saved",
    "市政會議無紙化累計節省經費",
    "Money saved by paperless city meetings (cumulative)",
    "元",
    kind="amount",
)
def paper_cost_saved(period, user):
    """Money the paperless meetings saved, up to the period's end."""
    qs = _paperless_to(period, user)
    return Decimal(qs.aggregate(v=Sum("cost_saved"))["v"] or 0) if qs is not None else None


def visit_pairs(period, user) -> tuple[int, int] | None:
    """(pairs meeting the 2/3 rule, all pairs) over the period's regular sessions and the
    active agencies; None when the period has no regular session with members."""
    sessions = list(_regular(user).filter(starts_on__range=(period.start, period.end)))
    members = dict(
        registry.records(Member, user)
        .filter(term__in={s.term_id for s in sessions})
        .order_by()
        .values_list("term")
        .annotate(n=Count("pk"))
    )
    sessions = [s for s in sessions if members.get(s.term_id)]
    if not sessions:
        return None
    agencies = Agency.objects.filter(active=True).count()
    visited = (
        registry.records(Visit, user)
        .filter(session__in=sessions)
        .order_by()
        .values_list("session", "agency")
        .annotate(n=Count("member", distinct=True))
    )
    terms = {s.pk: s.term_id for s in sessions}
    met = sum(1 for sid, _agency, n in visited if 3 * n > 2 * members[terms[sid]])
    return met, agencies * len(sessions)


@_declare(
    "council.visit_ratio",
    "拜訪超過 2/3 以上議員之機關比率",
    "Agencies visiting over two thirds of councillors",
    "%",
    kind="ratio",
)
def visit_ratio(period, user):
    """The share of (session, agency) pairs in which the head visited over 2/3 of members."""
    pairs = visit_pairs(period, user)
    return registry.ratio(*pairs) if pairs else None
