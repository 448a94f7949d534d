"""The media figures of the report (壹六), counted from the records of the period.

A period in which no press release at all is recorded is not covered (the division records
releases every working day): its figures are missing (None), not zero.
"""

from decimal import Decimal

from django.db.models import Count

from mishu.indicators import registry

from .choices import EngagementKind, Platform, ProductionKind
from .models import Engagement, NewsResponse, PressRelease, Production, SocialPost

MEDIA = "media"
SECRETARIAT = "secretariat"


def _releases(period, user):
    return registry.records_in(PressRelease, user, period, "published_on")


# whether the period has a press release (read once a render, however many figures ask)
_covered = registry.has_records(PressRelease, "published_on")


def _count(qs, period, user) -> Decimal | None:
    return Decimal(qs.count()) if _covered(period, user) else None


@registry.computed(
    code="media.press_releases",
    label="本處發布新聞稿",
    label_en="Press releases (secretariat)",
    unit="則",
    kind="count",
    division=MEDIA,
)
def press_releases(period, user):
    """Press releases the secretariat itself published in the period."""
    return _count(_releases(period, user).filter(agency__code=SECRETARIAT), period, user)


@registry.computed(
    code="media.city_press_releases",
    label="全府發布新聞稿",
    label_en="Press releases (citywide)",
    unit="則",
    kind="count",
    division=MEDIA,
)
def city_press_releases(period, user):
    """Press releases of every agency of the city (the secretariat's included)."""
    return _count(_releases(period, user), period, user)


@registry.computed(
    code="media.responses",
    label="主動回應輿情",
    label_en="Proactive responses to public opinion",
    unit="則",
    kind="count",
    division=MEDIA,
)
def responses(period, user):
    """Press reports agencies were asked to respond to in the period."""
    return _count(registry.records_in(NewsResponse, user, period, "requested_on"), period, user)


def _engagements(kind):
    def fn(period, user):
        qs = registry.records_in(Engagement, user, period, "held_on").filter(kind=kind)
        return _count(qs, period, user)

    return fn


registry.computed(
    code="media.mayor_dinners",
    label="市長與媒體餐敘",
    label_en="Mayor's dinners with the media",
    unit="次",
    kind="count",
    division=MEDIA,
)(_engagements(EngagementKind.DINNER))
registry.computed(
    code="media.mayor_interviews",
    label="媒體專訪市長",
    label_en="Media interviews with the mayor",
    unit="次",
    kind="count",
    division=MEDIA,
)(_engagements(EngagementKind.INTERVIEW))


@registry.computed(
    code="media.social_posts",
    label="社群媒體貼文",
    label_en="Social media posts",
    unit="則",
    dimensions=("platform",),
    kind="count",
    division=MEDIA,
)
def social_posts(period, user, platform=None):
    """Posts on the mayor's social media in the period; `platform` is 臉書, Instagram, ..."""
    qs = registry.records_in(SocialPost, user, period, "posted_on")
    return _count(qs.filter(platform=platform) if platform else qs, period, user)


@social_posts.breakdown
def social_posts_by_platform(period, user):
    if not _covered(period, user):
        return {}
    rows = dict(
        registry.records_in(SocialPost, user, period, "posted_on")
        .order_by()
        .values_list("platform")
        .annotate(n=Count("pk"))
    )
    return {p: Decimal(rows[p]) for p in Platform.values if p in rows}


def _productions(kind):
    def fn(period, user):
        qs = registry.records_in(Production, user, period, "produced_on").filter(kind=kind)
        return _count(qs, period, user)

    return fn


registry.computed(
    code="media.images",
    label="宣傳圖片",
    label_en="Campaign images",
    unit="張",
    kind="count",
    division=MEDIA,
)(_productions(ProductionKind.IMAGE))
registry.computed(
    code="media.videos",
    label="宣傳影片",
    label_en="Campaign videos",
    unit="支",
    kind="count",
    division=MEDIA,
)(_productions(ProductionKind.VIDEO))
