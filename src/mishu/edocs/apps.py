from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EdocsConfig(AppConfig):
    """The agencies' e-document returns (電子公文節能減紙績效) and the city's e-document figures,
    kept by 文書組 beside the document register."""

    name = "mishu.edocs"
    label = "edocs"
    verbose_name = _("E-document returns")

    def ready(self):
        from mishu.core.navigation import Module, register

        register(
            Module(
                _("E-document returns"),
                "edocs:edocumentreturn_list",
                ("documents", "general-affairs"),
            )
        )
