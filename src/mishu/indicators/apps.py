from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "mishu.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from mishu.core.navigation import Module, register

        # Each app's `indicators.py` declares its computed indicators on import.
        autodiscover_modules("indicators")
        register(Module(_("Indicators"), "indicators:indicator_list"))
