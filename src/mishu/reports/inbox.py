"""What the report drafts put in the inbox (core.inbox): the sections a division is to write or
revise (待辦) and those submitted to its supervisor, or to 研考 for unowned ones (待核)."""

from django.db.models import Q

from mishu.core import inbox
from mishu.core.choices import RoleCode

from . import workflow
from .choices import SectionState
from .models import DraftSection


def _section(section: DraftSection) -> inbox.Item:
    return inbox.Item(
        kind="工作報告章節",
        title=f"{section.draft} {section}",
        url=section.get_absolute_url(),
        note=section.get_state_display(),
    )


def _sections(state_filter, owner: Q):
    return (
        DraftSection.objects.filter(owner, draft__state__in=workflow.SECTION_OPEN, **state_filter)
        .select_related("draft")
        .order_by("draft__period", "order")
    )


def mine(user, today) -> inbox.Part:
    """Sections a clerk or supervisor of the division is to write or revise."""
    if user.division_id is None or not user.has_role(RoleCode.CLERK, RoleCode.SUPERVISOR):
        return inbox.EMPTY
    qs = _sections({"state__in": workflow.EDITABLE}, Q(division=user.division_id))
    return inbox.part(qs, _section)


def review(user, today) -> inbox.Part:
    """Submitted sections: the division's supervisor approves them; 研考 the unowned ones."""
    owner = Q(pk__in=[])
    if user.division_id and user.has_role(RoleCode.SUPERVISOR):
        owner |= Q(division=user.division_id)
    if user.has_role(RoleCode.EVALUATOR, RoleCode.ADMIN):
        owner |= Q(division__isnull=True)
    return inbox.part(_sections({"state": SectionState.SUBMITTED}, owner), _section)


PROVIDER = inbox.Provider("reports", mine=mine, review=review)
