"""What the gazette puts in the inbox (core.inbox): the yearbook editions not yet published, by
the date each is due (待辦), and those past it (逾期): the division's work, no one handler."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import Yearbook


def _yearbook(y: Yearbook) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Yearbook")),
        title=str(y),
        url=y.get_absolute_url(),
        deadline=y.due_on,
        note=str(_("Not yet published")),
        remind_within=14,
    )


def _open(user):
    return Yearbook.objects.restrict(user, "view").filter(published_on__isnull=True)


# a publication date is set as a date, not counted in working days
PROVIDER = inbox.unit_provider("gazette", _open, _yearbook, workdays=False)
