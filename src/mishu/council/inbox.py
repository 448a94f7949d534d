"""What council affairs put in the inbox (core.inbox): the council questions still awaiting their
written reply and the mayor's directives still followed (列管), by the date each is due (待辦), and
those past it (逾期). Neither has a handler: they are the division's work."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import Directive, Question


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


def _directive(d: Directive) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Mayor's directive")),
        title=f"{d.agency} {d}",
        url=d.get_absolute_url(),
        deadline=d.due_on,
        note=str(d.get_state_display()),
        remind_within=3,
    )


def _open_directives(user):
    return (
        Directive.objects.restrict(user, "view")
        .filter(closed_on__isnull=True)
        .select_related("agency")
    )


DIRECTIVES = inbox.unit_provider("council.directives", _open_directives, _directive, workdays=False)
