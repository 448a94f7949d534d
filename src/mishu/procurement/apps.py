from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "mishu.procurement"
    label = "procurement"
    verbose_name = _("Procurement")

    def ready(self):
        from mishu.core.navigation import Module, register

        register(
            Module(_("Tender cases"), "procurement:tendercase_list", divisions=("general-affairs",))
        )
