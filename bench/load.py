"""A bounded load run against a running Mishu (`bench/stack.sh load`): N concurrent clients
(default 50) for a fixed time (default 60 s) over staff list pages and an API list, loopback
only; it stops itself. Reports requests, errors (any status but 200, or a failed connection),
p50/p99 latency per URL, and the web workers' memory sampled every few seconds.

    bench/stack.sh load                       # starts the stack, runs this, stops the stack
    python bench/load.py --base http://127.0.0.1:8800 --gunicorn-pid PID [--clients 50 --seconds 60]
"""

import argparse
import http.client
import http.cookiejar
import json
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

STAFF = [
    "/documents/",
    "/chronicle/events/",
    "/venues/bookings/",
    "/petitions/cases/",
    "/procurement/tendercases/",
]
API = ["/api/documents/documents/?limit=50"]


def session_cookie(base, username, password) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    data = {"csrfmiddlewaretoken": token, "username": username, "password": password}
    opener.open(base + "/login/", urllib.parse.urlencode(data).encode(), timeout=30).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def api_token(base, username, password) -> str:
    req = urllib.request.Request(
        base + "/api/token/",
        json.dumps({"username": username, "password": password}).encode(),
        {"Content-Type": "application/json"},
    )
    return json.loads(urllib.request.urlopen(req, timeout=30).read())["token"]


def rss_mb(master: int) -> float:
    """Resident memory of the gunicorn master and its workers, in MB (from /proc)."""
    pids = [master] + [
        int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()
    ]
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status)[1])
    return total / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8800")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--gunicorn-pid", type=int)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="mishu-demo")
    args = parser.parse_args()
    split = urllib.parse.urlsplit(args.base)
    if split.hostname not in ("127.0.0.1", "localhost"):
        sys.exit("loopback only")
    cookie = session_cookie(args.base, args.user, args.password)
    token = api_token(args.base, args.user, args.password)
    stop_at = time.monotonic() + args.seconds
    results: dict[str, list[float]] = {u: [] for u in STAFF + API}
    errors: list[str] = []
    lock = threading.Lock()

    def client(n):
        conn = http.client.HTTPConnection(split.hostname, split.port, timeout=60)
        urls = STAFF + API
        i = n
        while time.monotonic() < stop_at:
            url = urls[i % len(urls)]
            i += 1
            headers = {"Authorization": f"Token {token}"} if url in API else {"Cookie": cookie}
            started = time.perf_counter()
            try:
                conn.request("GET", url, headers=headers)
                response = conn.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status == 200:
                        results[url].append(elapsed)
                    else:
                        errors.append(f"{url} {response.status}")
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(f"{url} {exc!r}")
                conn.close()
                conn = http.client.HTTPConnection(split.hostname, split.port, timeout=60)
        conn.close()

    memory = []
    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        if args.gunicorn_pid:
            memory.append(round(rss_mb(args.gunicorn_pid)))
        time.sleep(5)
    for t in threads:
        t.join()

    total = sum(len(v) for v in results.values())
    print(
        f"{args.clients} clients, {args.seconds:.0f} s: {total} requests answered 200, "
        f"{len(errors)} errors, {total / args.seconds:.1f} requests/s"
    )
    print("| URL | requests | p50 ms | p99 ms |\n|---|---|---|---|")
    for url, times in results.items():
        if times:
            q = statistics.quantiles(times, n=100)
            print(f"| `{url}` | {len(times)} | {q[49] * 1000:.0f} | {q[98] * 1000:.0f} |")
    if memory:
        print(f"web workers' memory (MB, every 5 s): {memory}")
    for e in errors[:10]:
        print("error:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
