from .views import IndicatorViewSet, ObservationViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    router.register("indicators/observations", ObservationViewSet)
    router.register("indicators/definitions", IndicatorViewSet, basename="indicator")
