from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GazetteConfig(AppConfig):
    name = "mishu.gazette"
    label = "gazette"
    verbose_name = _("City gazette")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        here = ("confidential",)
        for url, label in (
            ("issue_list", _("Gazette issues")),
            ("item_list", _("Gazette items")),
            ("subscription_list", _("E-paper subscriptions")),
            ("yearbook_list", _("Yearbooks")),
        ):
            register(Module(label, f"gazette:{url}", here))
