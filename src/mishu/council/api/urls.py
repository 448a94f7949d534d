def register(router):
    """Register this app's API endpoints on the project router: /api/council/<type>s/."""
    from ..registry import CRUDS

    for crud in CRUDS:
        crud.register(router, "council")
