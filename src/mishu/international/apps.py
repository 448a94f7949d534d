from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternationalConfig(AppConfig):
    name = "mishu.international"
    label = "international"
    verbose_name = _("International affairs")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        for label, url_name in (
            (_("Delegations received"), "international:delegation_list"),
            (_("Trips abroad"), "international:trip_list"),
            (_("Trip reports overdue"), "international:trip_overdue"),
            (_("Sister cities"), "international:sistercity_list"),
            (_("Grants to civil groups"), "international:grantapplication_list"),
            (_("Meetings, trainings and forums"), "international:meeting_list"),
        ):
            register(Module(label, url_name, divisions=("international",)))
