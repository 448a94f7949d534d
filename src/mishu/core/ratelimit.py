"""Rate limits for the public pages, Open311 and log-ins (no third-party captcha).

Counts live in Django's cache, so every web worker shares them when the cache is shared: Redis
in production (`REDIS_URL`; `mishu check --deploy` warns without it). Limits are
`MISHU["PUBLIC_RATE_LIMITS"]` = {scope: (count, seconds)}; a scope not configured uses
`DEFAULTS`. Every count is keyed on `client_ip()`, which the log-in lockout (django-axes) uses
too: one notion of "the client's address" for the whole site.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache

DEFAULTS = {
    "file": (5, 3600),
    "lookup": (20, 600),
    "booking": (5, 3600),
    # a public form's invalid posts count apart (see core.publicforms): a citizen's typing
    # mistakes do not use up their filings, a robot probing the form is still stopped
    "file_invalid": (30, 3600),
    "booking_invalid": (30, 3600),
    "booking_lookup": (20, 600),
    "open311": (60, 60),  # Open311 look-ups: a minute's allowance per address
    # failed log-ins from one address, whatever the user names: a password spray is stopped
    # (axes locks one user name + address after fewer; an office behind one NAT stays usable)
    "login": (30, 900),
}


def _limit(scope: str) -> tuple[int, int]:
    conf = (getattr(settings, "MISHU", {}) or {}).get("PUBLIC_RATE_LIMITS", {})
    return tuple(conf.get(scope, DEFAULTS[scope]))


def window(scope: str) -> int:
    """The length in seconds of the scope's counting window (for a Retry-After header)."""
    return _limit(scope)[1]


def _networks():
    """`MISHU_TRUSTED_PROXIES`: the addresses or networks of our own reverse proxies."""
    return [
        ipaddress.ip_network(item, strict=False)
        for item in getattr(settings, "MISHU_TRUSTED_PROXIES", ())
    ]


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address. REMOTE_ADDR, unless that is one of `MISHU_TRUSTED_PROXIES`: then
    the nearest address in X-Forwarded-For that is not a trusted proxy, read from the right, so
    that a client cannot choose its own address by sending the header itself. None when the
    request has no address at all (django-axes then records none)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    networks = _networks()
    ip = _address(remote)
    if networks and ip is not None and any(ip in n for n in networks):
        hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        for hop in reversed(hops):
            address = _address(hop)
            if address is None:
                break  # garbage: count it against the proxy's own address
            if not any(address in n for n in networks):
                return str(address)
    return remote or None


def _key(request, scope: str) -> str:
    return f"mishu:rl:{scope}:{client_ip(request) or 'unknown'}"


def hit(request, scope: str) -> bool:
    """Count one attempt; False when the client has used up its allowance for the window."""
    count, seconds = _limit(scope)
    key = _key(request, scope)
    cache.add(key, 0, seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds)
        used = 1
    return used <= count


def exceeded(request, scope: str) -> bool:
    """Whether the client has used up its allowance, without counting an attempt."""
    return (cache.get(_key(request, scope)) or 0) >= _limit(scope)[0]
