from .views import EventViewSet


def register(router):
    router.register("chronicle/events", EventViewSet)
