"""Exports at city volume against PostgreSQL's COPY … TO of the same rows (issue 17).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench_city \\
        nice -n 19 .venv/bin/python -m bench.exports [--year 108]

Signed in as `admin`, through Django's test client (middleware, view, filterset, the streamed
response read to its end as a browser would): the overdue list of 文書組
(`/documents/timeliness/?division=…&export=csv|xlsx`) and a whole ROC year of the register
(`/documents/?period=108&export=…`); CSV twice, written by Python (MISHU_EXPORT_COPY off)
and by PostgreSQL (`core.copyexport`). The floor: the very SELECT the Python path sent (captured),
wrapped in `COPY (…) TO STDOUT WITH (FORMAT csv, HEADER)` and read to its end by the client.
Memory: the process's peak resident set during each export over its resident set before
(the kernel's high-water mark, reset through /proc/self/clear_refs), so a streamed export shows
the same few MB whatever the rows; wall clock is the median of `--repeat` runs.
"""

import argparse
import re
import statistics
import time
from pathlib import Path

from ._setup import setup
from .pages import DECLARE

STATUS = Path("/proc/self/status")


def _kb(name: str) -> int:
    return int(re.search(rf"{name}:\s+(\d+)", STATUS.read_text())[1])


def export(client, url):
    """(seconds, bytes, rows, resident MB before, peak MB during, SQL statements)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Path("/proc/self/clear_refs").write_text("5")  # reset the high-water mark
    before = _kb("VmRSS")
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if response.streaming:
            size = 0
            for chunk in response.streaming_content:
                size += len(chunk)
        else:
            size = len(response.content)
        response.close()
    seconds = time.perf_counter() - started
    statements = [q["sql"] for q in ctx.captured_queries]
    return seconds, size, before / 1024, _kb("VmHWM") / 1024, statements


def copy_to(sql):
    """Seconds and bytes of COPY (sql) TO STDOUT as CSV, read by the client to its end."""
    from django.db import connection

    started = time.perf_counter()
    size = 0
    with connection.cursor() as c:
        with c.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
            for block in copy:
                size += len(block)
    return time.perf_counter() - started, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--year", type=int, default=108)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--only", choices=["overdue", "year"], help="one of the two lists")
    parser.add_argument(
        "--formats",
        default="csv,copy,xlsx",
        help="of csv (the Python path), copy (CSV written by the server), xlsx",
    )
    args = parser.parse_args()
    setup()
    from django.db import connection
    from django.test import Client, override_settings

    from mishu.core.models import Division, User

    unit = Division.objects.get(code="documents").pk
    client = Client()
    client.force_login(User.objects.get(username=args.user))
    lists = [
        ("overdue list, 文書組", f"/documents/timeliness/?division={unit}"),
        (f"register, year {args.year}", f"/documents/?period={args.year}"),
    ]
    if args.only:
        lists = [lists[0 if args.only == "overdue" else 1]]
    print("| export | rows | format | Mishu s | COPY s | ratio | MB | RSS before → peak MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name, url in lists:
        select = None
        paths = {"csv": ("csv", False), "copy": ("csv", True), "xlsx": ("xlsx", False)}
        for fmt, server in (paths[f] for f in args.formats.split(",")):
            with override_settings(MISHU_EXPORT_COPY=server):
                runs = [export(client, f"{url}&export={fmt}") for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            size, before, peak, statements = runs[-1][1:]
            if select is None:
                # the rows' query of the Python path (the others: session, user, count), read
                # through a server-side cursor: the floor of every format, the COPY path too
                select = DECLARE.sub("", max(statements, key=len))
            copies = [copy_to(select) for _ in range(args.repeat)]
            floor = statistics.median(c[0] for c in copies)
            with connection.cursor() as c:
                c.execute(f"SELECT COUNT(*) FROM ({select}) AS rows")
                (rows,) = c.fetchone()
            print(
                f"| {name} | {rows:,} | {fmt}{' (COPY)' if server else ''} | {seconds:.2f} "
                f"| {floor:.2f} "
                f"| {floor / seconds:.2f} | {size / 1e6:.1f} | {before:.0f} → {peak:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
