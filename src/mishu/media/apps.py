from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "mishu.media"
    label = "media"
    verbose_name = _("Media affairs")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        here = ("media",)
        for url, label in (
            ("pressrelease_list", _("Press releases")),
            ("newsresponse_list", _("News responses")),
            ("engagement_list", _("Interviews and media dinners")),
            ("socialpost_list", _("Social media posts")),
            ("production_list", _("Images and videos")),
        ):
            register(Module(label, f"media:{url}", here))
