"""The busiest staff pages over HTTP against their floor (issue 17), on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench_city \\
        nice -n 19 .venv/bin/python -m bench.pages [--clients 16 --seconds 20 --workers 4]

For each page, signed in as `admin` (the demo's): the SQL statements the page sends are captured
in-process (Django's test client), then gunicorn (`--workers` sync workers, bench.settings) serves
both the page and its bare view (bench/bare.py: the same statements on a bare cursor, every row
rendered by a minimal template), and `--clients` threads with kept-alive connections request one
of them for `--seconds`, then the other. Reports requests/s, p50 and p99 of each and the ratio
of throughputs (target ≥ 0.5×, p99 < 250 ms). The workers share a Redis cache (BENCH_REDIS_URL,
default redis://127.0.0.1:6379/15) as in production: the report period page is measured as its
readers meet it, kept since the last write; its first view after a write is timed apart.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ._setup import setup

ROOT = Path(__file__).resolve().parent.parent
DECLARE = re.compile(r'^DECLARE "[^"]+" NO SCROLL CURSOR WITH(OUT)? HOLD FOR ')


def pages():
    """(name, URL) of the busiest staff pages, filled from the loaded data."""
    from mishu.core.models import Division

    unit = Division.objects.get(code="documents").pk
    return [
        ("register, one unit", f"/documents/?division={unit}"),
        ("overdue list, one unit", f"/documents/timeliness/?division={unit}"),
        ("petition list", "/petitions/cases/"),
        # the demo's strategy map is 108's: the default period (last half-year) has none
        ("KPI dashboard 108H2", "/kpis/?period=108H2"),
        ("report period page 108H2", "/reports/periods/108H2/"),
    ]


def capture(urls, username) -> dict[str, list[str]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from mishu.core.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    statements = {}
    for n, (name, url) in enumerate(urls):
        client.get(url)  # warm caches as a running worker has them
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        # a form's choices are read through a server-side cursor: the bare view runs its SELECT
        statements[str(n)] = [DECLARE.sub("", q["sql"]) for q in ctx.captured_queries]
        print(f"{name}: {len(ctx.captured_queries)} statements, {len(response.content):,} bytes")
    return statements


def after_a_write(url, username, repeat=3):
    """The period page's first view after a write (nothing kept: the report is rendered) against
    a view that finds it kept, in this process: (seconds, seconds), medians of `repeat`."""
    from django.test import Client

    from mishu.core import versions
    from mishu.core.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    cold, warm = [], []
    for _ in range(repeat):
        versions.changed()  # as any committed write does
        started = time.perf_counter()
        client.get(url)
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        client.get(url)
        warm.append(time.perf_counter() - started)
    return statistics.median(cold), statistics.median(warm)


def hammer(port, url, cookie, clients, seconds):
    """`clients` threads GET `url` for `seconds`: (answers/s, p50 ms, p99 ms, errors)."""
    stop_at = time.monotonic() + seconds
    times, errors = [], []
    lock = threading.Lock()

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Cookie": cookie} if cookie else {}
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                conn.request("GET", url, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                continue
            elapsed = time.perf_counter() - started
            with lock:
                (times if response.status == 200 else errors).append(
                    elapsed if response.status == 200 else response.status
                )
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [0] * 99
    return len(times) / wall, q[49] * 1000, q[98] * 1000, errors


def serve(port, workers, sql_file):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=f"{ROOT / 'src'}:{ROOT}",
        BENCH_BARE_SQL=sql_file,
        MISHU_DEBUG="0",
        MISHU_ALLOWED_HOSTS="127.0.0.1,localhost",
        MISHU_DB_CONN_MAX_AGE="60",
        # the workers share what they keep (the period page's report), as in production
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15"),
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [
        *("nice", "-n", "19", str(gunicorn), "django.core.wsgi:get_wsgi_application()"),
        *("--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120"),
        *("--log-level", "warning"),
    ]
    proc = subprocess.Popen(command, env=env)
    for _ in range(120):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/login/")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit("gunicorn did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8817)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="mishu-demo")
    args = parser.parse_args()
    setup()
    from .load import session_cookie

    urls = pages()
    statements = capture(urls, args.user)
    cold, warm = after_a_write(urls[-1][1], args.user)
    print(f"{urls[-1][0]}: first view after a write {cold:.2f} s, then {warm * 1000:.0f} ms")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(statements, f)
    proc = serve(args.port, args.workers, f.name)
    try:
        base = f"http://127.0.0.1:{args.port}"
        cookie = session_cookie(base, args.user, args.password)
        print(f"{args.clients} clients, {args.seconds:.0f} s each, {args.workers} workers")
        print("| page | Mishu req/s | p50 ms | p99 ms | bare req/s | p50 ms | p99 ms | ratio |")
        print("|---|---|---|---|---|---|---|---|")
        for n, (name, url) in enumerate(urls):
            hammer(args.port, url, cookie, 2, 2)  # warm every worker
            mine = hammer(args.port, url, cookie, args.clients, args.seconds)
            hammer(args.port, f"/_bare/{n}/", None, 2, 2)
            floor = hammer(args.port, f"/_bare/{n}/", None, args.clients, args.seconds)
            print(
                f"| {name} | {mine[0]:.1f} | {mine[1]:.0f} | {mine[2]:.0f} | {floor[0]:.1f} "
                f"| {floor[1]:.0f} | {floor[2]:.0f} | {mine[0] / max(floor[0], 1e-9):.2f} |",
                flush=True,
            )
            for errors in (mine[3], floor[3]):
                if errors:
                    print(f"  errors: {len(errors)}, e.g. {errors[:3]}")
    finally:
        proc.terminate()
        proc.wait()
        os.unlink(f.name)


if __name__ == "__main__":
    main()
