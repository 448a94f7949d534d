"""The gazette's import page (the list, detail and edit pages come from registry.CRUDS)."""

from mishu.core.views.imports import ObjectImportView

from .models import Subscription


class SubscriptionImportView(ObjectImportView):
    """Upload the e-paper platform's subscriber export; all or nothing, every bad row listed."""

    model = Subscription

    def dispatch(self, request, *args, **kwargs):
        from .importing import SubscriptionImporter

        self.importer = SubscriptionImporter()
        return super().dispatch(request, *args, **kwargs)
