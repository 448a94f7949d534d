def register(router):
    """Register this app's API endpoints on the project router."""
