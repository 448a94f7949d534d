from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "mishu.documents"
    label = "documents"
    verbose_name = _("Official documents")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from . import tally  # noqa: F401  (keeps the monthly tallies in step with saves)
        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        register(Module(_("Document register"), "documents:document_list", ("documents",)))
        register(Module(_("Document timeliness lists"), "documents:timeliness"))
        register(Module(_("Monthly document timeliness"), "documents:monthly", ("documents",)))
        register(Module(_("My document reminders"), "documents:reminders"))
