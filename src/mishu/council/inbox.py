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


def _open(user):
    return (
        Question.objects.restrict(user, "view")
        .filter(replied_on__isnull=True)
        .select_related("agency")
    )


# reply dates are set as dates, not counted in working days
PROVIDER = inbox.unit_provider("council", _open, _question, workdays=False)
