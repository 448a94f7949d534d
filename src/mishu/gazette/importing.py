"""Importing e-paper subscriptions from the mailing platform's export (CSV, XLSX, ODS), all or
nothing: e-mail, the date subscribed and, for those who left, the date unsubscribed (ROC or ISO).
An address already subscribed (in the file or recorded, without an end) is rejected. A valid file
is written in bulk, one change-log entry per subscription (addresses masked in the log)."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from mishu.core import audit
from mishu.core import permissions as rights
from mishu.core.imports import RowInvalid, cell_date, checked, require

from .models import Subscription

COLUMNS = ("email", "subscribed_on", "unsubscribed_on")
REQUIRED = ("email", "subscribed_on")
EXAMPLE = ("reader@example.com", "108/7/1", "")


class SubscriptionImporter:
    """`prepare(row, user)` → an unsaved, checked Subscription; `write(rows)` saves them."""

    COLUMNS, REQUIRED, EXAMPLE = COLUMNS, REQUIRED, EXAMPLE

    def __init__(self):
        self.running = set()

    def prepare(self, row: dict, user) -> Subscription:
        require(row, REQUIRED)
        division = getattr(user, "division", None)
        if division is None or not rights.can_add_to(user, division.pk):
            raise RowInvalid(_("You may not add records for %(d)s.") % {"d": division}, "division")
        email = row["email"].strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise RowInvalid(
                _("“%(v)s” is not an e-mail address.") % {"v": email}, "email"
            ) from None
        subscription = checked(
            Subscription(
                division=division,
                email=email,
                subscribed_on=cell_date(row, "subscribed_on"),
                unsubscribed_on=cell_date(row, "unsubscribed_on"),
                created_by=user,
            )
        )
        if subscription.unsubscribed_on is None:
            if (
                email in self.running
                or Subscription.objects.filter(
                    division=division, email=email, unsubscribed_on__isnull=True
                ).exists()
            ):
                raise RowInvalid(_("%(v)s is already subscribed.") % {"v": email}, "email")
            self.running.add(email)
        return subscription

    def write(self, subscriptions: list[Subscription]) -> int:
        return write_subscriptions(subscriptions)


def write_subscriptions(subscriptions: list[Subscription]) -> int:
    """Bulk-write subscriptions with one change-log entry each."""
    created = Subscription.objects.bulk_create(subscriptions, batch_size=2000)
    audit.record_created(created)
    return len(created)
