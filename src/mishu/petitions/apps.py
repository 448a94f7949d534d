from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "mishu.petitions"
    label = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        register(Module(_("Petition cases"), "petitions:petitioncase_list", ("confidential",)))
        register(Module(_("Petition statistics"), "petitions:statistics", ("confidential",)))
        register(
            Module(
                _("Collective petitions"),
                "petitions:collectivepetition_list",
                ("confidential", "citizen-services"),
            )
        )
        register(Module(_("Agency contacts"), "petitions:agencycontact_list", ("confidential",)))
        register(
            Module(
                _("Personal data access log"),
                "petitions:access_log",
                ("confidential",),
                roles=("supervisor", "admin"),
            )
        )
