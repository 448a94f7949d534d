from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "mishu.kpis"
    label = "kpis"
    verbose_name = _("KPIs")

    def ready(self):
        from mishu.core.navigation import Module, register

        register(Module(_("KPIs"), "kpis:dashboard"))

        from mishu.indicators.services import register_snapshot_extra

        from .services import frozen_terms

        register_snapshot_extra("kpis", frozen_terms)
