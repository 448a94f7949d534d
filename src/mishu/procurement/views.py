"""Tender cases' import page (the list, detail and edit pages come from registry.CRUDS)."""

from mishu.core.views.imports import ObjectImportView

from .models import TenderCase


class TenderImportView(ObjectImportView):
    """Upload tender cases; nothing is written if a row is bad, and every bad row is listed."""

    model = TenderCase

    def dispatch(self, request, *args, **kwargs):
        from .importing import TenderImporter

        self.importer = TenderImporter()  # one per upload: it remembers the file's case numbers
        return super().dispatch(request, *args, **kwargs)
