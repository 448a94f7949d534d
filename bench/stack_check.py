"""A scripted check of the production-like stack (`bench/stack.sh check`): an import job runs on
the Celery worker and ends `done`, a hostile file ends `failed` with a Chinese reason, and the
public look-up's rate limit is shared by every gunicorn worker (the cache is Redis). Standard
library only; loopback only."""

import argparse
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


class Client:
    def __init__(self, base):
        if urllib.parse.urlsplit(base).hostname not in ("127.0.0.1", "localhost"):
            sys.exit("loopback only")
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.geturl(), r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.geturl(), e.read().decode("utf-8", "replace")

    def csrf(self, path):
        _s, _u, page = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]

    def post_form(self, path, fields):
        fields = {"csrfmiddlewaretoken": self.csrf(path), **fields}
        return self.request(path, urllib.parse.urlencode(fields).encode())

    def post_file(self, path, name, content):
        boundary = uuid.uuid4().hex
        token = self.csrf(path)
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
                f"{token}\r\n--{boundary}\r\n"
                f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        return self.request(path, body, headers)


def run_job(client, name, content):
    started = time.monotonic()
    status, url, _page = client.post_file("/documents/import/", name, content)
    answered = time.monotonic() - started
    job = re.search(r"/documents/import/(\d+)/", url)
    assert status == 200 and job, (status, url)
    seen = []
    for _ in range(240):
        _s, _u, body = client.request(f"/documents/import/{job[1]}/?format=json")
        state = json.loads(body)
        if not seen or seen[-1] != state["status"]:
            seen.append(state["status"])
        if state["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    _s, _u, page = client.request(f"/documents/import/{job[1]}/")
    return state, seen, answered, page


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8800")
    args = parser.parse_args()
    ok = True
    clerk = Client(args.base)
    _status, url, _p = clerk.post_form(
        "/login/", {"username": "wen.clerk", "password": "mishu-demo"}
    )
    assert "/login/" not in url, "log-in failed"

    header = "number,office,direction,division,sender,received_on,subject,speed\n"
    rows = "".join(
        f",city,incoming,documents,都發局,108/7/{1 + i % 28},壓力測試函 {i},普通件\n"
        for i in range(500)
    )
    state, seen, answered, _page = run_job(clerk, "stack.csv", (header + rows).encode())
    print(
        f"import job, 500 rows: {' → '.join(seen)}; written {state['written']}; "
        f"the upload was answered in {answered:.2f} s"
    )
    ok &= state["status"] == "done" and state["written"] == 500

    from mishu.core.tests import hostile  # the pytest corpus' own generator

    sparse = hostile.sparse_xlsx(["office", "direction", "division", "subject"])
    state, seen, _a, page = run_job(clerk, "sparse.xlsx", sparse)
    reason = re.findall(r"<td>([^<]*[\u4e00-\u9fff][^<]*)</td>", page)
    print(f"sparse A1+XFD1048576 xlsx: {' → '.join(seen)}; reason: {reason[:1]}")
    ok &= state["status"] == "failed" and bool(reason)

    public = Client(args.base)
    codes = []
    for _ in range(25):
        s, _u, _p = public.post_form(
            "/petitions/public/status/", {"number": "X-0", "password": "wrong-password"}
        )
        codes.append(s)
    limited = codes.index(429) if 429 in codes else None
    print(f"public look-up, 25 attempts over the gunicorn workers: {codes}")
    print(f"  first refusal (429) after {limited} attempts (limit 20 per 10 minutes, in Redis)")
    ok &= limited == 20 and all(c == 429 for c in codes[20:])
    print("OK" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
