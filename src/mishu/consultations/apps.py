from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "mishu.consultations"
    label = "consultations"
    verbose_name = _("Citizen services")

    def ready(self):
        from mishu.core.navigation import Module, register

        here = ("citizen-services",)
        register(Module(_("Counter tally"), "consultations:tally", here))
        register(Module(_("Counter statistics"), "consultations:statistics", here))
        for url, label in (
            ("countercontact_list", _("Counter contacts")),
            ("coordinatedpetition_list", _("Coordinated petitions")),
            ("professionalconsultation_list", _("Professional consultations")),
            ("volunteerservice_list", _("Volunteer service")),
            ("nursingroom_list", _("Nursing rooms")),
            ("nursingroomuse_list", _("Nursing room uses")),
        ):
            register(Module(label, f"consultations:{url}", here))
