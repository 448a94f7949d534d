from .views import ENDPOINTS


def register(router):
    """Register this app's API endpoints on the project router."""
    for prefix, viewset in ENDPOINTS.items():
        router.register(f"consultations/{prefix}", viewset)
