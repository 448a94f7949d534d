"""The council's API endpoints: /api/council/<type>s/, and the directive's steps as
`POST /api/council/directives/<id>/step/` with `transition` (report, close, reopen), `on`
(ROC or ISO date) and `note`."""

from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.response import Response

from mishu.core import formats


def _directive_viewset(base):
    from .. import services

    class DirectiveViewSet(base):
        @action(detail=True, methods=["post"])
        def step(self, request, pk=None):
            """Apply a workflow step (report, close, reopen) to the directive."""
            directive = self.get_object()
            data = request.data
            try:
                on = formats.parse_date(str(data.get("on") or ""), field="on")
            except formats.FormatError as exc:
                raise exceptions.ValidationError({"on": [str(exc)]}) from None
            try:
                directive = services.advance(
                    directive,
                    str(data.get("transition") or ""),
                    on,
                    str(data.get("note") or ""),
                    request.user,
                )
            except PermissionDenied:
                raise exceptions.PermissionDenied() from None
            except ValidationError as exc:
                detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
                raise exceptions.ValidationError(detail) from None
            return Response(self.get_serializer(directive).data)

    return DirectiveViewSet


def register(router):
    """Register this app's API endpoints on the project router."""
    from ..models import Directive
    from ..registry import CRUDS

    for crud in CRUDS:
        if crud.model is Directive:
            router.register(
                "council/directives",
                _directive_viewset(crud.viewset()),
                basename="council-directive",
            )
        else:
            crud.register(router, "council")
