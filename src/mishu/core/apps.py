from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mishu.core"
    label = "core"
    verbose_name = _("Organisation and audit")

    def ready(self):
        from . import (
            audit,  # noqa: F401  (connects the change-log receivers)
            backends,  # noqa: F401  (counts failed log-ins per address)
            checks,  # noqa: F401  (deployment checks)
            versions,  # noqa: F401  (connects the data version's receivers)
        )
        from .api import authentication  # noqa: F401  (registers the OpenAPI auth schemes)
        from .formats.dates import install_django_formats
        from .validators import install

        install_django_formats()

        install(m for m in apps.get_models() if m.__module__.startswith("mishu."))
