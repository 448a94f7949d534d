"""Deployment checks of Mishu's own (run by `mishu check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning, register


@register("mishu", deploy=True)
def shared_cache(app_configs, **kwargs):
    """The rate limits and the per-address log-in throttle count in the cache: with a cache per
    process, each web worker would keep its own counts."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The cache is local to each process, so rate limits are counted per worker.",
                hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/1) for a shared cache.",
                id="mishu.W001",
            )
        ]
    return []
