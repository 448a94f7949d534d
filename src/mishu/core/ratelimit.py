"""A small cache-based rate limit for the public pages (no third-party captcha).

Limits are `MISHU["PUBLIC_RATE_LIMITS"]` = {scope: (count, seconds)}; a scope not configured
uses `DEFAULTS` (petitions: "file" and "lookup"; facilities: "booking").
"""

from django.conf import settings
from django.core.cache import cache

DEFAULTS = {
    "file": (5, 3600),
    "lookup": (20, 600),
    "booking": (5, 3600),
    "open311": (60, 60),  # Open311 look-ups: a minute's allowance per address
}


def _limit(scope: str) -> tuple[int, int]:
    conf = (getattr(settings, "MISHU", {}) or {}).get("PUBLIC_RATE_LIMITS", {})
    return tuple(conf.get(scope, DEFAULTS[scope]))


def window(scope: str) -> int:
    """The length in seconds of the scope's counting window (for a Retry-After header)."""
    return _limit(scope)[1]


def client_ip(request) -> str:
    """The client's address as the server saw it (a proxy sets REMOTE_ADDR via its config)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(request, scope: str) -> bool:
    """Count one attempt; False when the client has used up its allowance for the window."""
    count, seconds = _limit(scope)
    key = f"mishu:rl:{scope}:{client_ip(request)}"
    cache.add(key, 0, seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        used = 1
    return used <= count
