"""Authentication backends: log-in throttling per client address, and the signed-in user read
once for each version of the data.

django-axes locks a user name at one address after a few failures; `AddressThrottleBackend`
refuses every log-in from an address that failed too often lately (`ratelimit` scope "login"),
whatever the user name and even with the right password, until the window passes.

`HeldUserBackend` is Django's ModelBackend, but the user of a session, with their roles, is read
once for each version of the data in a process (core.versions.held) instead of on every request:
a user's row and roles change only by a write, and every write moves the version (a password
changed, an account deactivated or a role withdrawn shows on the next request)."""

import copy

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from . import ratelimit, versions


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


class HeldUserBackend(ModelBackend):
    """Django's ModelBackend; `get_user` holds the user and their role codes per data version.
    Each request gets its own copy of the user (a view may set attributes on it)."""

    def get_user(self, user_id):
        def read():
            user = super(HeldUserBackend, self).get_user(user_id)  # None: inactive or gone
            if user is not None:
                user.role_codes()  # read with the user, kept with it
            return user

        held = versions.held(f"user:{user_id}", read)
        if held is None:
            return None
        user = copy.copy(held)
        user._role_codes = set(held._role_codes)
        return user
