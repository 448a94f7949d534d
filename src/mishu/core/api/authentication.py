"""DRF authentication that names the authenticated user in the audit context."""

from rest_framework.authentication import SessionAuthentication, TokenAuthentication

from ..audit import set_user


class _AuditedMixin:
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            set_user(result[0])
        return result


class AuditedSessionAuthentication(_AuditedMixin, SessionAuthentication):
    """Session login (the browsable API and the web UI's own calls)."""


class AuditedTokenAuthentication(_AuditedMixin, TokenAuthentication):
    """`Authorization: Token <key>` for scripts and other systems."""
