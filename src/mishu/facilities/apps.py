from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FacilitiesConfig(AppConfig):
    name = "mishu.facilities"
    label = "facilities"
    verbose_name = _("City Hall building")

    def ready(self):
        from mishu.core.navigation import Module, register

        for label, url_name in (
            (_("Venue bookings"), "facilities:booking_list"),
            (_("Venues"), "facilities:venue_list"),
            (_("Venue calendar"), "facilities:calendar"),
            (_("Venue statistics"), "facilities:statistics"),
            (_("Building projects"), "facilities:buildingproject_list"),
            (_("Inspection and maintenance schedule"), "facilities:maintenancetask_list"),
            (_("Overdue inspections and maintenance"), "facilities:maintenance_overdue"),
            (_("Safety trainings and drills"), "facilities:safetytraining_list"),
            (_("Energy-saving projects"), "facilities:energyproject_list"),
        ):
            register(Module(label, url_name, divisions=("city-hall",)))
        from .registry_building import register_navigation

        register_navigation()  # stall calls, signage, surveys, upkeep budget ...
        # electricity and water are 總務組's figures, rainwater 公管中心's
        register(
            Module(
                _("Meter readings"),
                "facilities:meterreading_list",
                divisions=("city-hall", "general-affairs"),
            )
        )
