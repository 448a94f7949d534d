from django.urls import include, path

from mishu.core.views.generic import model_urls
from mishu.core.views.imports import ObjectImportView

from . import importing, views
from .models import ArchiveItem, DestructionList
from .registry import CRUDS

app_name = "archives"


def _crud_urls(crud):
    if crud.name.endswith("s"):  # archiveclass → archiveclasses/, not archiveclasss/
        lv, dv, ev = crud.views()
        patterns = model_urls(crud.model, list_view=lv, detail_view=dv, edit_view=ev)
        return path(f"{crud.name}es/", include(patterns))
    return crud.urls()


urlpatterns = [
    path(
        "catalogue/",
        views.CatalogueView.as_view(
            model=ArchiveItem,
            columns=["file_code", "subject", "doc_date", "medium", "filed_on", "division"],
            export_columns=["file_code", "subject", "doc_date", "medium", "pages", "filed_on"],
        ),
        name="catalogue",
    ),
    path("file/", views.FilingView.as_view(), name="file_document"),
    path("due/", views.RetentionDueView.as_view(), name="retention_due"),
    path("transfer/", views.TransferDueView.as_view(), name="transfer_due"),
    path("submit/", views.SubmitCatalogueView.as_view(), name="submit_catalogue"),
    path(
        "destructionlists/import/",
        ObjectImportView.as_view(model=DestructionList, importer=importing.AgencyListImporter()),
        name="destructionlist_import",
    ),
    path("archiveitems/import/", views.CatalogueImportView.as_view(), name="archiveitem_import"),
    path("applicant/<int:pk>/", views.ApplicantView.as_view(), name="applicant"),
    *[_crud_urls(crud) for crud in CRUDS],
]
