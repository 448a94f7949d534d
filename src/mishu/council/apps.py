from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "mishu.council"
    label = "council"
    verbose_name = _("Council affairs")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import DIRECTIVES, PROVIDER

        inbox.register(PROVIDER)
        inbox.register(DIRECTIVES)

        here = ("confidential",)
        for url, label in (
            ("question_list", _("Council questions")),
            ("session_list", _("Council sessions")),
            ("member_list", _("Council members")),
            ("visit_list", _("Council visits")),
            ("citymeeting_list", _("City meetings")),
            ("directive_list", _("Mayor's directives")),
            ("term_list", _("Council terms")),
        ):
            register(Module(label, f"council:{url}", here))
