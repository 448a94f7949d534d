from .views import KPIViewSet, ObjectiveViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    router.register("kpis/objectives", ObjectiveViewSet)
    router.register("kpis/kpis", KPIViewSet)
