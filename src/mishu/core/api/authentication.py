"""DRF authentication that names the authenticated user in the audit context."""

from drf_spectacular.authentication import SessionScheme, TokenScheme
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


class AuditedSessionScheme(SessionScheme):
    """Tells drf-spectacular that the audited session class is cookie authentication."""

    target_class = "mishu.core.api.authentication.AuditedSessionAuthentication"


class AuditedTokenScheme(TokenScheme):
    """Tells drf-spectacular that the audited token class is `Authorization: Token`."""

    target_class = "mishu.core.api.authentication.AuditedTokenAuthentication"
