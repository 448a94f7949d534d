from mishu.core.api.viewsets import RestrictedModelViewSet

from ..filtersets import EventFilterSet
from ..models import Event
from .serializers import EventSerializer


class EventViewSet(RestrictedModelViewSet):
    queryset = Event.objects.select_related("division")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
