"""Django set-up for the benchmarks: PostgreSQL from DATABASE_URL (never the default SQLite)."""

import os
import statistics
import sys
import time


def setup():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("set DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mishu.settings")
    import django

    django.setup()


def timed(fn, repeat=51, warmup=5):
    """Median wall time of `fn()` in milliseconds (after warm-up runs)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def rolled_back(fn, repeat=3):
    """Median seconds `fn()` takes, each run in a transaction that is then rolled back."""
    from django.db import transaction

    times = []
    for _ in range(repeat):
        with transaction.atomic():
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
            transaction.set_rollback(True)
    return statistics.median(times)
