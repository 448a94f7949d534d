from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuildingConfig(AppConfig):
    """公管中心's building: projects, inspections and upkeep, energy, and the building's services
    (market stalls, signage, surveys, upkeep budget)."""

    name = "mishu.building"
    label = "building"
    verbose_name = _("City Hall building")

    def ready(self):
        from mishu.core import inbox
        from mishu.core.navigation import Module, register

        from .inbox import PROVIDER

        inbox.register(PROVIDER)

        from .registry import register_navigation

        for label, url_name in (
            (_("Building projects"), "building:buildingproject_list"),
            (_("Inspection and maintenance schedule"), "building:maintenancetask_list"),
            (_("Overdue inspections and maintenance"), "building:maintenance_overdue"),
            (_("Safety trainings and drills"), "building:safetytraining_list"),
            (_("Energy-saving projects"), "building:energyproject_list"),
        ):
            register(Module(label, url_name, divisions=("city-hall",)))
        register_navigation()  # stall calls, signage, surveys, upkeep budget ...
        # electricity and water are 總務組's figures, rainwater 公管中心's
        register(
            Module(
                _("Meter readings"),
                "building:meterreading_list",
                divisions=("city-hall", "general-affairs"),
            )
        )
