from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "mishu.research"
    label = "research"
    verbose_name = _("Research and evaluation")

    def ready(self):
        from mishu.core.navigation import Module, register

        for label, url_name in (
            (_("Phone courtesy tests"), "research:phonetest_list"),
            (_("Timeliness bulletins"), "research:bulletin_list"),
            (_("Document-handling training"), "research:trainingsession_list"),
        ):
            register(Module(label, url_name, divisions=("general-affairs",)))
