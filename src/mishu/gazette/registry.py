"""The gazette records' staff pages and API endpoints."""

from mishu.core.crud import Crud

from .models import Issue, Item, Subscription, Yearbook

CRUDS = [
    Crud(
        Issue,
        Issue.ENTERED_FIELDS,
        ["published_on", "number", "note"],
        filters=["division"],
        date_field="published_on",
        search="number",
    ),
    Crud(
        Item,
        Item.ENTERED_FIELDS,
        ["issue", "category", "title", "agency"],
        filters=["division", "category", "agency"],
        date_field="issue__published_on",
        search="title",
    ),
    Crud(
        Subscription,
        Subscription.ENTERED_FIELDS,
        ["subscribed_on", "unsubscribed_on", "id"],
        filters=["division"],
        date_field="subscribed_on",
        # the addresses are the e-paper platform's to use; an export counts, it does not mail
        export_fields=["subscribed_on", "unsubscribed_on"],
    ),
    Crud(
        Yearbook,
        Yearbook.ENTERED_FIELDS,
        ["year", "title", "due_on", "published_on"],
        filters=["division"],
        search="title",
    ),
]
