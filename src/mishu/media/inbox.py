"""What media affairs put in the inbox (core.inbox): the news responses the division owes, by
their deadline in working days (待辦), and those past it (逾期). A response has no handler: it is
the division's work."""

from django.utils.translation import gettext_lazy as _

from mishu.core import inbox

from .models import NewsResponse


def _response(r: NewsResponse) -> inbox.Item:
    return inbox.Item(
        kind=str(_("News response")),
        title=f"{r.outlet} {r.headline}",
        url=r.get_absolute_url(),
        deadline=r.due_on,
        note=r.reply_status(),
        remind_within=1,
    )


def _open(user):
    return NewsResponse.objects.restrict(user, "view").filter(replied_on__isnull=True)


PROVIDER = inbox.unit_provider("media", _open, _response)
