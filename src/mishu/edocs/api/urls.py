from .views import EDocumentReturnViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    router.register("edocs/returns", EDocumentReturnViewSet)
