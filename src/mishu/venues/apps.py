from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VenuesConfig(AppConfig):
    """公管中心's venues: the rentable spaces of City Hall, their fee schedule and bookings."""

    name = "mishu.venues"
    label = "venues"
    verbose_name = _("Venue bookings")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        for label, url_name in (
            (_("Venue bookings"), "venues:booking_list"),
            (_("Venues"), "venues:venue_list"),
            (_("Venue calendar"), "venues:calendar"),
            (_("Venue statistics"), "venues:statistics"),
        ):
            register(Module(label, url_name, divisions=("city-hall",)))
