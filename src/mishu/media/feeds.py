"""The public Atom feed of published press releases (the newest 50, every agency's)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from mishu.core.formats import format_date

from .models import PressRelease


def published():
    """Releases whose publication date has come (a release dated ahead is not out yet)."""
    return PressRelease.objects.filter(published_on__lte=timezone.localdate()).select_related(
        "agency"
    )


class PressReleaseFeed(Feed):
    feed_type = Atom1Feed
    title = _("Taipei City Government press releases")
    subtitle = _("Press releases published by the agencies of the Taipei City Government")

    def link(self):
        return reverse("media:public_releases")

    def items(self):
        return published().order_by("-published_on", "-pk")[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.agency} {format_date(item.published_on)}\n\n{item.body}"

    def item_link(self, item):
        return reverse("media:public_release", args=[item.pk])

    def item_author_name(self, item):
        return str(item.agency)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_categories(self, item):
        return [str(item.agency)]
