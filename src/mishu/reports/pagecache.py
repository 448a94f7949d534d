"""A period's rendered report, its errors and its consistency findings, kept until the data
changes: the period page and the draft page show them on every view, and rendering reads every
figure of every app (seconds at city volume), while the figures change only when data is written.

Kept in the cache under the data's version (`core.versions.key`): a committed write anywhere,
a deploy, another day (a report's cover and year-to-date figures are dated) or another language
starts afresh. A request with a write of its own not yet committed computes afresh and keeps
nothing. What is kept is the organisation's report: the same whoever looks (reports.values)."""

import logging

from django.core.cache import cache
from django.utils import timezone, translation

from mishu.core import versions

KEEP_SECONDS = 24 * 3600
log = logging.getLogger(__name__)


def cache_key(period, template) -> str | None:
    """The key of `period`'s report with `template` (None: the draft or the structure) as the
    data is now; None when nothing may be kept."""
    data = versions.key()
    if data is None:
        return None
    shape = template.pk if template is not None else "-"
    day = timezone.localdate().isoformat()
    return f"mishu:report:{data}:{period.code}:{shape}:{translation.get_language()}:{day}"


def kept(period, template, compute):
    """`compute()`'s result for `period` and `template`, from the cache when the data has not
    changed since it was computed. A cache that does not answer only costs the computation."""
    key = cache_key(period, template)
    if key is None:
        return compute()
    try:
        hit = cache.get(key)
    except Exception:  # the cache server down: the page is slower, not broken
        log.warning("report cache unavailable", exc_info=True)
        return compute()
    if hit is not None:
        return hit
    result = compute()
    try:
        cache.set(key, result, KEEP_SECONDS)
    except Exception:
        log.warning("report cache unavailable", exc_info=True)
    return result
