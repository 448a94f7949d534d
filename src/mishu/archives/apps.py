from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchivesConfig(AppConfig):
    name = "mishu.archives"
    label = "archives"
    verbose_name = _("Archives")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        here = ("documents",)
        for url, label in (
            ("archives:catalogue", _("Archive catalogue")),
            ("archives:file_document", _("File a closed document")),
            ("archives:retention_due", _("Retention due")),
            ("archives:destructionlist_list", _("Destruction lists")),
            ("archives:transfer_due", _("Due for transfer")),
            ("archives:archiveclass_list", _("Classification scheme")),
            ("archives:casefile_list", _("Case files")),
            ("archives:cataloguesubmission_list", _("Catalogue submissions")),
            ("archives:appraisalreport_list", _("Appraisal reports")),
            ("archives:cleanupcase_list", _("Planned clean-up cases")),
            ("archives:inspection_list", _("Document-handling inspections")),
            ("archives:archiveapplication_list", _("Archive applications")),
        ):
            register(Module(label, url, here))
