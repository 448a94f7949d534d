from django.urls import include, path

from .models import KPI, Objective
from .views import DashboardView
from .views import strategy as s

app_name = "kpis"
urlpatterns = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("strategy/", s.current_year, name="strategy_current"),
    path("strategy/import/", s.StrategyImportView.as_view(), name="kpi_import"),
    path("strategy/<int:year>/", s.StrategyView.as_view(), name="strategy"),
    path("strategy/<int:year>/copy/", s.CopyView.as_view(), name="strategy_copy"),
    path("strategy/<int:year>/export/", s.ExportView.as_view(), name="strategy_export"),
    path(
        "objectives/",
        include(s.urls(Objective, s.ObjectiveForm, ["year", "code", "name", "order"], ["year"])),
    ),
    path(
        "kpis/",
        include(
            s.urls(
                KPI,
                s.KPIForm,
                ["year", "code", "name", "indicator_code", "direction", "target", "weight"],
                ["year", "objective"],
            )
        ),
    ),
]
