from django.apps import AppConfig


class FacilitiesConfig(AppConfig):
    """Migrations only: the history of the tables now owned by `venues` and `building`."""

    name = "mishu.facilities"
    label = "facilities"
    verbose_name = "facilities (legacy migrations)"
