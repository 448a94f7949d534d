"""Log-in throttling per client address, across user names (a password spray from one address).

django-axes locks a user name at one address after a few failures; this backend refuses every
log-in from an address that failed too often lately (`ratelimit` scope "login"), whatever the
user name and even with the right password, until the window passes."""

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from . import ratelimit


class AddressThrottleBackend:
    """An authentication backend that authenticates nobody: it only refuses throttled addresses.
    It has no `get_user`, so no session is ever tied to it (Django then skips it there)."""

    def authenticate(self, request, **credentials):
        if request is not None and ratelimit.exceeded(request, "login"):
            request.mishu_login_throttled = True
            raise PermissionDenied  # stops the other backends; the failure is counted again
        return None


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        ratelimit.hit(request, "login")
