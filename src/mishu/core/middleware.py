"""Request middleware: attribute every write in a request to its user, path and request id;
the Content-Security-Policy header; the language."""

import secrets
import uuid

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from .audit import audit_context
from .choices import ChangeSource


class AuditMiddleware:
    """Opens an audit context per request; the request id is echoed in `X-Request-ID`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/admin/"):
            source = ChangeSource.ADMIN
        elif path.startswith(("/api/", "/open311/")):
            source = ChangeSource.API
        else:
            source = ChangeSource.WEB
        user = request.user if request.user.is_authenticated else None
        request.id = uuid.uuid4()
        with audit_context(
            user=user,
            source=source,
            request_id=request.id,
            actor_name=user.get_username() if user else "anonymous",
        ):
            response = self.get_response(request)
        response["X-Request-ID"] = str(request.id)
        return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Traditional Chinese unless the user chose English with the language switch (a cookie):
    the browser's Accept-Language is ignored, so every clerk sees the same default."""

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy: scripts and style sheets only from Mishu itself, or
    inline with this response's nonce (`{{ request.csp_nonce }}` in a template's <script> or
    <style>); no plug-ins, no framing, forms post only here. Style attributes stay allowed
    (`style-src-attr`): they cannot run code. `MISHU_CSP_REPORT_ONLY=1` reports instead of
    blocking, for trying a new page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        nonce = secrets.token_urlsafe(16)
        request.csp_nonce = nonce
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only"
            if getattr(settings, "MISHU_CSP_REPORT_ONLY", False)
            else "Content-Security-Policy"
        )
        if header not in response:
            response[header] = "; ".join(
                [
                    "default-src 'self'",
                    f"script-src 'self' 'nonce-{nonce}'",
                    f"style-src 'self' 'nonce-{nonce}'",
                    "style-src-attr 'unsafe-inline'",
                    "img-src 'self' data:",
                    "font-src 'self' data:",
                    "connect-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'",
                ]
            )
        return response
