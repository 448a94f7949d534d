"""The data's version: a number that moves after every committed write, so that what is
computed from all the data (a report's figures and checks) can be kept until the data changes.

Every write moves it: each model save, delete and many-to-many change (the signals below, the
same the change log listens to, fixtures included), each bulk write the change log records
(`audit.record_created`) and the few writes that bypass both (the register's tallies and COPY
call `changed()` themselves). Only the jobs' own progress (`data_version_exclude`), the change
log and the version itself do not.

The number moves once per transaction, after it commits: before that no other connection sees
the write, and a transaction rolled back moves nothing. A connection with a write of its own
not yet committed (`pending()`) sees data nobody else sees: what it computes is neither served
from nor kept for the others.

`key()` names the data as it is now: the database (where it is, and its version row's token,
new for a new database), the number, and the code that computes from it (a deploy changes what
a figure is). It is read once a request (a write of the request's own, once committed, reads it
again). `kept()` keeps what is computed from all the data under that key: the report of a period
(reports.views) and the KPI dashboard (kpis.views), the organisation's, the same for every
reader, read on every view and changed only by a write. `held()` keeps small things that pages
read on every request in the process's memory under the same key: the navigation's divisions,
the signed-in user with their roles (core.backends), a filter's record choices (core.filtersets)."""

import functools
import hashlib
import logging
import uuid
from pathlib import Path

from asgiref.local import Local
from django.apps import apps as global_apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone, translation

from .models import DataVersion, ObjectChange

_ROW = 1
KEEP_SECONDS = 24 * 3600
log = logging.getLogger(__name__)
# the version as this request read it, by database: {alias: key}; None outside a request
_request = Local()
# what `held()` keeps: {name: (key, value)}, at most HELD_NAMES names
_held: dict = {}
HELD_NAMES = 1024


class _Bump:
    """The after-commit callback of one transaction (recognised by its type)."""

    def __init__(self, using):
        self.using = using

    def __call__(self):
        _forget(self.using)  # this request reads the version anew, with its own write
        rows = DataVersion.objects.using(self.using).filter(pk=_ROW)
        if not rows.update(number=F("number") + 1) and not _row(self.using, first=1)[1]:
            rows.update(number=F("number") + 1)  # the row was created meanwhile by another


def changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Note that the current transaction (or, outside one, the statement just run) wrote data."""
    if not pending(using):
        transaction.on_commit(_Bump(using), using=using)


def is_move(func) -> bool:
    """Whether an after-commit callback is the one that moves the version."""
    return isinstance(func, _Bump)


def pending(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether this connection has written data it has not committed yet."""
    conn = connections[using]
    return conn.in_atomic_block and any(is_move(f) for _s, f, _r in conn.run_on_commit)


def _row(using: str, first: int = 0) -> tuple[DataVersion, bool]:
    """(the version's row, whether it was created now, with a new token and number `first`)."""
    try:
        with transaction.atomic(using=using):
            rows = DataVersion.objects.using(using)
            return rows.get_or_create(pk=_ROW, defaults={"number": first})
    except IntegrityError:  # created meanwhile by another process
        return DataVersion.objects.using(using).get(pk=_ROW), False


def key(using: str = DEFAULT_DB_ALIAS) -> str | None:
    """The data as it is now, as a cache key's part; None while this connection has writes not
    yet committed (nothing it computes may be kept or served). Read once a request."""
    if pending(using):
        return None
    memo = getattr(_request, "keys", None)
    if memo is not None and using in memo:
        return memo[using]
    conn = connections[using]
    table = conn.ops.quote_name(DataVersion._meta.db_table)
    with conn.cursor() as cursor:  # the ORM's compiling costs more than the statement
        cursor.execute(f"SELECT token, number FROM {table} WHERE id = %s", [_ROW])
        row = cursor.fetchone()
    token, number = row or (_row(using)[0].token, 0)
    found = f"{uuid.UUID(str(token)).hex}.{number}.{_place(using)}.{code_fingerprint()}"
    if memo is not None:
        memo[using] = found
    return found


def _place(using: str) -> str:
    """Where the database is, hashed: two databases with a copied version row differ."""
    where = connections[using].settings_dict
    return hashlib.blake2b(
        f"{where['HOST']}:{where['PORT']}/{where['NAME']}".encode(), digest_size=4
    ).hexdigest()


def _forget(using: str) -> None:
    memo = getattr(_request, "keys", None)
    if memo is not None:
        memo.pop(using, None)


@receiver(request_started, dispatch_uid="mishu.versions.request_started")
def _request_started(**kwargs):
    _request.keys = {}


@receiver(request_finished, dispatch_uid="mishu.versions.request_finished")
def _request_finished(**kwargs):
    _request.keys = None


def held(name: str, compute):
    """`compute()`'s result kept in this process's memory until the data changes: for small
    things that do not depend on the day (a value that depends on the language names it in
    `name`)."""
    data = key()
    if data is None:
        return compute()
    hit = _held.get(name)
    if hit is not None and hit[0] == data:
        return hit[1]
    value = compute()
    if len(_held) >= HELD_NAMES:  # one name a signed-in user and a filter query and language
        _held.clear()
    _held[name] = (data, value)
    return value


@functools.cache
def code_fingerprint() -> str:
    """The code as deployed: its files' names, sizes and times (read once a process)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".md", ".html", ".txt", ".json", ".mo"} and path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()


def kept(name: str, parts: tuple, compute):
    """`compute()`'s result for `name` and `parts`, from the cache when the data has not changed
    since it was computed (also keyed by the language and the day: a figure to date, a date
    shown). Computed afresh, and not kept, while this connection has writes not committed; a
    cache that does not answer only costs the computation."""
    data = key()
    if data is None:
        return compute()
    day = timezone.localdate().isoformat()
    where = ":".join(str(p) for p in (name, data, translation.get_language(), day, *parts))
    cache_key = f"mishu:kept:{where}"
    try:
        hit = cache.get(cache_key)
    except Exception:  # the cache server down: the page is slower, not broken
        log.warning("cache unavailable", exc_info=True)
        return compute()
    if hit is not None:
        return hit
    result = compute()
    try:
        cache.set(cache_key, result, KEEP_SECONDS)
    except Exception:
        log.warning("cache unavailable", exc_info=True)
    return result


def _moves_data(model) -> bool:
    if model in (ObjectChange, DataVersion) or getattr(model, "data_version_exclude", False):
        return False
    if model._meta.apps is not global_apps:  # a migration's historical model: the version's
        return False  # table may not exist yet, and a migrated database gets a new token
    return model.__module__.startswith("mishu.") or model._meta.app_label == "auth"


@receiver(post_save, dispatch_uid="mishu.versions.save")
@receiver(post_delete, dispatch_uid="mishu.versions.delete")
def _written(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    if _moves_data(sender):
        changed(using)


@receiver(m2m_changed, dispatch_uid="mishu.versions.m2m")
def _m2m_written(sender, instance, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and _moves_data(type(instance)):
        changed(using)
