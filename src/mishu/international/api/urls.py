"""API endpoints: /api/international/<type>s/, and a grant's workflow step
(POST /api/international/grantapplications/<id>/step/ with `action` and what it records)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import permissions as rights


class StepSerializer(serializers.Serializer):
    action = serializers.CharField()
    review_meeting = serializers.IntegerField(required=False, allow_null=True)
    decided_on = serializers.DateField(required=False, allow_null=True)
    memo_number = serializers.CharField(required=False, allow_blank=True, max_length=60)
    approved_amount = serializers.DecimalField(
        max_digits=12, decimal_places=0, required=False, allow_null=True, min_value=0
    )
    paid_on = serializers.DateField(required=False, allow_null=True)
    paid_amount = serializers.DecimalField(
        max_digits=12, decimal_places=0, required=False, allow_null=True, min_value=0
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


def _grant_viewset(base):
    from .. import services
    from ..models import Meeting

    class GrantApplicationViewSet(base):
        @action(detail=True, methods=["post"], serializer_class=StepSerializer)
        def step(self, request, pk=None):
            """Move the application along its workflow (approve, special, reject, pay,
            withdraw), with what the step records."""
            app = self.get_object()
            if not rights.can(request.user, rights.CHANGE, app):
                raise exceptions.PermissionDenied()
            s = StepSerializer(data=request.data)
            s.is_valid(raise_exception=True)
            data = dict(s.validated_data)
            step, note = data.pop("action"), data.pop("note", "")
            meeting = data.get("review_meeting")
            if meeting is not None:
                found = Meeting.objects.restrict(request.user, rights.VIEW).filter(pk=meeting)
                if not found.exists():
                    raise exceptions.ValidationError(
                        {"review_meeting": [_("Choose one of the division's review meetings.")]}
                    )
                data["review_meeting"] = found.get()
            try:
                services.transition(app, step, request.user, note, **data)
            except services.TransitionError as exc:
                detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
                raise exceptions.ValidationError(detail) from None
            return Response(base.serializer_class(app, context=self.get_serializer_context()).data)

    GrantApplicationViewSet.__name__ = "GrantApplicationViewSet"
    return GrantApplicationViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    from ..models import GrantApplication
    from ..registry import CRUDS

    for crud in CRUDS:
        if crud.model is GrantApplication:
            router.register(
                "international/grantapplications",
                _grant_viewset(crud.viewset()),
                basename="international-grantapplication",
            )
        else:
            crud.register(router, "international")
