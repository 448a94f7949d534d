"""The work report with every app full against the same report on the demo (issue 17).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mishu_bench_city \\
        nice -n 19 .venv/bin/python -m bench.report \\
        --floor-database postgres://postgres@127.0.0.1:5432/mishu_bench_demo [--period 108H2]

Builds the period's report (`reports.rendering.build`, what `mishu report 108H2 --format X` and
the download run) in every format, on DATABASE_URL (loaded by bench.city) and on
`--floor-database` (the demo alone: bench.city copies it before loading), each in its own
process, alternately; one warm-up build, then the median of `--repeat`. Also the figures and
lists alone (`render_body`: every indicator and record list of the report, before conversion).
Target: within 1.5× of the demo.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from ._setup import setup


def measure(period: str, repeat: int) -> dict[str, float]:
    """Median seconds of each build on this process's database."""
    from mishu.reports.rendering import FORMATS, build, render_body, resolve_period
    from mishu.reports.rendering import resolve_source as source

    results = {}
    code = resolve_period(period)

    def body():
        text, _template, _draft = source(code, None)
        return render_body(text, code, None, strict=False)

    for name, fn in [("figures and lists", body)] + [
        (fmt, lambda f=fmt: build(period, f)) for fmt in FORMATS
    ]:
        fn()  # warm-up: templates, fonts, caches
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        results[name] = statistics.median(times)
    results["missing values"] = len(body().missing)
    return results


def child(database: str, period: str, repeat: int) -> dict:
    env = dict(os.environ, DATABASE_URL=database)
    args = [sys.executable, "-m", "bench.report", "--child", "--period", period]
    out = subprocess.run(
        [*args, "--repeat", str(repeat)], env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--period", default="108H2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--floor-database", help="the demo's database URL")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    setup()
    if args.child:
        print(json.dumps(measure(args.period, args.repeat)))
        return
    if not args.floor_database:
        sys.exit("--floor-database: the demo's database (postgres://…/mishu_bench_demo)")
    city = child(os.environ["DATABASE_URL"], args.period, args.repeat)
    demo = child(args.floor_database, args.period, args.repeat)
    print(f"| {args.period} | city s | demo s | ratio |\n|---|---|---|---|")
    for name, seconds in city.items():
        if name == "missing values":
            print(f"| missing values | {seconds} | {demo[name]} | |")
            continue
        print(f"| {name} | {seconds:.2f} | {demo[name]:.2f} | {seconds / demo[name]:.2f} |")


if __name__ == "__main__":
    main()
