from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "mishu.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from mishu.core import inbox, navigation

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        from . import sources

        sources.autodiscover()
        navigation.register(navigation.Module(_("Reports"), "reports:index"))
