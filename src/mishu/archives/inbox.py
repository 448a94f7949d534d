"""What archives put in the inbox (core.inbox): the applications to read or copy archives that
the unit must decide by their deadline (calendar days from receipt), and those past it. The
item names the application by its number and what it asks for, never the applicant."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .choices import ApplicationState
from .models import ArchiveApplication


def _application(a: ArchiveApplication) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Archive application")),
        title=f"#{a.pk} {a.requested[:40]}",
        url=a.get_absolute_url(),
        deadline=a.deadline,
        note=a.get_state_display(),
        remind_within=3,
    )


def _open(user):
    return ArchiveApplication.objects.restrict(user, "view").filter(state=ApplicationState.PENDING)


PROVIDER = inbox.unit_provider("archives", _open, _application, due="deadline", workdays=False)
