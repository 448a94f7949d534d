"""The media records' staff pages and API endpoints."""

from mishu.core.crud import Crud
from mishu.core.views.generic import ObjectDetailView

from .models import Engagement, NewsResponse, PressRelease, Production, SocialPost


class NewsResponseDetailView(ObjectDetailView):
    fields = [*NewsResponse.ENTERED_FIELDS, "due_on", "reply_status"]


CRUDS = [
    Crud(
        PressRelease,
        PressRelease.ENTERED_FIELDS,
        ["published_on", "agency", "title"],
        filters=["division", "agency"],
        date_field="published_on",
        search="title",
    ),
    Crud(
        NewsResponse,
        [*NewsResponse.ENTERED_FIELDS, "due_on"],
        ["requested_on", "headline", "agency", "due_on", "replied_on"],
        filters=["division", "agency"],
        date_field="requested_on",
        search="headline",
        read_only=["due_on"],
        detail_view=NewsResponseDetailView,
    ),
    Crud(
        Engagement,
        Engagement.ENTERED_FIELDS,
        ["held_on", "kind", "outlet", "subject"],
        filters=["division", "kind"],
        date_field="held_on",
        search="outlet",
    ),
    Crud(
        SocialPost,
        SocialPost.ENTERED_FIELDS,
        ["posted_on", "platform", "summary"],
        filters=["division", "platform"],
        date_field="posted_on",
        search="summary",
    ),
    Crud(
        Production,
        Production.ENTERED_FIELDS,
        ["produced_on", "kind", "title", "campaign"],
        filters=["division", "kind"],
        date_field="produced_on",
        search="title",
    ),
]
