"""What council affairs put in the inbox (core.inbox): the council questions still awaiting their
written reply, by the date it is due (待辦), and those past it (逾期). A question has no handler:
it is the division's work."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import Question


def _question(q: Question) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Council question")),
        title=f"{q.agency} {q.subject}",
        url=q.get_absolute_url(),
        deadline=q.due_on,
        note=str(q.get_kind_display()),
        remind_within=3,
    )


def _open(user, division_id):
    return (
        Question.objects.restrict(user, "view")
        .filter(division=division_id, replied_on__isnull=True)
        .select_related("agency")
    )


def mine(user, today) -> inbox.Part:
    if user.division_id is None:
        return inbox.EMPTY
    return inbox.part(_open(user, user.division_id).order_by("due_on", "pk"), _question)


def overdue(user, today) -> inbox.Part:
    qs = _open(user, user.division_id).filter(due_on__lt=today)
    return inbox.part(qs.order_by("due_on", "pk"), _question)


# reply dates are set as dates, not counted in working days
PROVIDER = inbox.Provider("council", mine=mine, overdue=overdue, workdays=False)
