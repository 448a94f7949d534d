from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PropertiesConfig(AppConfig):
    name = "mishu.properties"
    label = "properties"
    verbose_name = _("Dormitories, vehicles and property")

    def ready(self):
        from mishu.core.navigation import Module, register

        for label, url_name in (
            (_("Dormitory allocations"), "properties:allocation_list"),
            (_("Dormitory rooms"), "properties:room_list"),
            (_("Dormitory inspections"), "properties:dorminspection_list"),
            (_("Dormitory mailings"), "properties:dormmailing_list"),
            (_("Dormitory repairs"), "properties:repairitem_list"),
            (_("Vehicles"), "properties:vehicle_list"),
            (_("Fuel logs"), "properties:fuellog_list"),
            (_("City-owned buildings"), "properties:building_list"),
            (_("City-owned land"), "properties:landparcel_list"),
        ):
            register(Module(label, url_name, divisions=("general-affairs",)))
