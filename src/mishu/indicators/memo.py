"""One render's memory of repeated reads: a report states the same figure in many places, and
different indicators share the same underlying sum (the year's `received` tally is the base of
a dozen ratios; every indicator asks whether its period is closed). Inside `render_scope()` a
function decorated with `@memoised` answers a call it has answered before with the same
arguments from memory; outside a scope it always reads. A scope lives for one render (a page
view, one build), during which nothing is written, so what it remembers is never stale."""

import contextlib
import functools
from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("indicator_render_memo", default=None)


@contextlib.contextmanager
def render_scope():
    """Remember `@memoised` reads until the block ends (a scope inside a scope is the same)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memoised(func):
    """`func`'s result remembered per arguments within a `render_scope` (arguments that cannot
    be hashed are read every time)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        memo = _memo.get()
        if memo is None:
            return func(*args, **kwargs)
        key = (wrapper, args, tuple(sorted(kwargs.items())))
        try:
            if key in memo:
                return memo[key]
        except TypeError:
            return func(*args, **kwargs)
        memo[key] = result = func(*args, **kwargs)
        return result

    return wrapper
