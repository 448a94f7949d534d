from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChronicleConfig(AppConfig):
    name = "mishu.chronicle"
    label = "chronicle"
    verbose_name = _("Chronicle")
