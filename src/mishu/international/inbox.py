"""What international affairs put in the inbox (core.inbox): the trip reports the unit owes
(出國報告, due months after the return) by their due date, and those past it."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import Trip


def _trip(t: Trip) -> inbox.Item:
    return inbox.Item(
        kind=str(_("Trip report")),
        title=str(t),
        url=t.get_absolute_url(),
        deadline=t.report_due,
        remind_within=14,
    )


def _open(user):
    return Trip.objects.restrict(user, "view").filter(report_submitted_on__isnull=True)


PROVIDER = inbox.unit_provider("international", _open, _trip, due="report_due", workdays=False)
