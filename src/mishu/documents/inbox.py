"""What the register puts in the inbox (core.inbox): the documents a person handles (待辦), the
documents awaiting 分文, the supervisor's sign-off or an extension decision (待核), and the unit's
open documents past their deadline (逾期)."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox
from mishu.core import permissions as rights
from mishu.core.choices import RoleCode

from . import workflow
from .choices import ExtensionStatus, State
from .jobs import NEAR_DAYS
from .models import DeadlineExtension, Document


def _doc(note=None):
    def make(doc: Document) -> inbox.Item:
        return inbox.Item(
            kind=str(_("Document")),
            title=f"{doc.number} {doc.subject}",
            url=doc.get_absolute_url(),
            deadline=doc.deadline,
            note=str(note or doc.get_state_display()),
            remind_within=NEAR_DAYS,
        )

    return make


def _open(user, action=rights.CHANGE):
    return Document.objects.restrict(user, action).filter(closed_on__isnull=True)


def mine(user, today) -> inbox.Part:
    return inbox.part(inbox.by_due(_open(user).filter(handler=user)), _doc())


def _extension(ext: DeadlineExtension) -> inbox.Item:
    doc = ext.document
    return inbox.Item(
        kind=str(_("Extension request")),
        title=f"{doc.number} {doc.subject}",
        url=doc.get_absolute_url(),
        deadline=ext.old_deadline,
        note=f"{ext.old_deadline} → {ext.new_deadline}",
    )


def review(user, today) -> inbox.Part:
    """分文 and extensions for the units' supervisors; 決行 where the unit requires it."""
    if not user.has_role(RoleCode.SUPERVISOR, RoleCode.ADMIN):
        return inbox.EMPTY
    unassigned = _open(user).filter(state=State.RECEIVED, handler__isnull=True)
    signing = _open(user).filter(state=State.SIGNING)
    units = workflow.approval_divisions()
    if units != "*":
        signing = signing.filter(division__code__in=units)
    extensions = (
        DeadlineExtension.objects.filter(status=ExtensionStatus.REQUESTED, document__in=_open(user))
        .select_related("document")
        .order_by("old_deadline")
    )
    return inbox.merge(
        inbox.part(unassigned.order_by("deadline", "pk"), _doc(_("Awaiting assignment"))),
        inbox.part(
            signing.order_by("deadline", "pk"),
            _doc(_("Awaiting sign-off before dispatch")),
        ),
        inbox.part(extensions, _extension),
    )


def overdue(user, today) -> inbox.Part:
    return inbox.unit_overdue(_open(user, rights.VIEW), user, today, _doc())


PROVIDER = inbox.Provider("documents", mine=mine, review=review, overdue=overdue)
