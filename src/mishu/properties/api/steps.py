"""The allocation's steps on the API: POST /api/properties/allocations/<id>/notify/, move_in/,
move_out/, withdraw/ — the same services (and messages) as the allocation page."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import permissions as rights

from ..models import Room
from ..services import dormitory


class NotifySerializer(serializers.Serializer):
    room = serializers.PrimaryKeyRelatedField(queryset=Room.objects.all(), label=_("room"))
    notified_on = serializers.DateField(label=_("notified on"))


class MoveInSerializer(serializers.Serializer):
    moved_in_on = serializers.DateField(label=_("notarised move-in on"))


class MoveOutSerializer(serializers.Serializer):
    moved_out_on = serializers.DateField(label=_("moved out on"))
    move_out_reason = serializers.CharField(label=_("reason for moving out"), max_length=200)
    room_handed_back = serializers.BooleanField(label=_("room handed back"))


class WithdrawSerializer(serializers.Serializer):
    withdrawn_on = serializers.DateField(label=_("withdrawn on"))


class AllocationStepsMixin:
    """Adds the `notify`, `move_in`, `move_out` and `withdraw` actions to the allocations
    endpoint."""

    def _step(self, request, serializer_class, run):
        allocation = self.get_object()
        if not rights.can(request.user, rights.CHANGE, allocation):
            raise exceptions.PermissionDenied()
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            run(allocation, data.validated_data)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        allocation.refresh_from_db()
        # the endpoint's own serializer (the action's one only reads the step's input)
        serializer = type(self).serializer_class(allocation, context=self.get_serializer_context())
        return Response(serializer.data)

    @action(detail=True, methods=["post"], serializer_class=NotifySerializer)
    def notify(self, request, pk=None):
        """Allocate a room to the applicant, notified on `notified_on` (e-mailed if today)."""

        def run(a, v):
            room = v["room"]
            if not rights.can(request.user, rights.CHANGE, room):
                raise DjangoValidationError(
                    {"room": _("You may not allocate room %(room)s.") % {"room": room}}
                )
            dormitory.notify(a, room, v["notified_on"])

        return self._step(request, NotifySerializer, run)

    @action(detail=True, methods=["post"], serializer_class=MoveInSerializer)
    def move_in(self, request, pk=None):
        """Record the notarised move-in."""
        return self._step(
            request, MoveInSerializer, lambda a, v: dormitory.move_in(a, v["moved_in_on"])
        )

    @action(detail=True, methods=["post"], serializer_class=MoveOutSerializer)
    def move_out(self, request, pk=None):
        """Record the move-out (date, reason, room handed back); the room becomes vacant."""
        return self._step(
            request,
            MoveOutSerializer,
            lambda a, v: dormitory.move_out(
                a, v["moved_out_on"], v["move_out_reason"], v["room_handed_back"]
            ),
        )

    @action(detail=True, methods=["post"], serializer_class=WithdrawSerializer)
    def withdraw(self, request, pk=None):
        """Record the applicant's withdrawal; a room already allocated is vacant again."""
        return self._step(
            request, WithdrawSerializer, lambda a, v: dormitory.withdraw(a, v["withdrawn_on"])
        )
