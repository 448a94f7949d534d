from .views import AgencyViewSet, DivisionViewSet


def register(router):
    router.register("divisions", DivisionViewSet)
    router.register("agencies", AgencyViewSet)
