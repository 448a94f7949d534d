from django.urls import include, path

from mishu.core.views.generic import ObjectDetailView, model_urls
from mishu.core.views.imports import ObjectImportView

from .importing import IMPORTERS
from .stats import StatisticsView
from .views import RECORDS, TallyView

app_name = "consultations"
urlpatterns = [
    path("tally/", TallyView.as_view(), name="tally"),
    path("statistics/", StatisticsView.as_view(), name="statistics"),
]
for model, (list_view, edit_view) in RECORDS.items():
    name = model._meta.model_name
    if model in IMPORTERS:
        view = ObjectImportView.as_view(model=model, importer=IMPORTERS[model])
        urlpatterns.append(path(f"{name}/import/", view, name=f"{name}_import"))
    urlpatterns.append(
        path(
            f"{name}/",
            include(
                model_urls(
                    model, list_view=list_view, detail_view=ObjectDetailView, edit_view=edit_view
                )
            ),
        )
    )
