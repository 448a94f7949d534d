def register(router):
    """Register this app's API endpoints on the project router: /api/archives/<type>/."""
    from .views import register_all

    register_all(router)
