"""API errors: never a bare 500; validation messages in the user's language."""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..formats import FormatError

logger = logging.getLogger(__name__)


def exception_handler(exc, context):
    """DRF's handler, plus clear 400s for model validation, format and integrity errors."""
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, FormatError):
        return Response(
            {exc.field or "non_field_errors": [str(exc)]}, status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, IntegrityError):
        logger.warning("integrity error in API: %s", exc)
        return Response(
            {"non_field_errors": [_("This record conflicts with an existing one.")]},
            status=status.HTTP_409_CONFLICT,
        )
    return drf_exception_handler(exc, context)
