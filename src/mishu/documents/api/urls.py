from .views import DocumentViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    router.register("documents/documents", DocumentViewSet)
