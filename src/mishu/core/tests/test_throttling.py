"""Who the client is (behind trusted proxies), log-in throttling per address across user names,
rate limits in the shared cache, and the Content-Security-Policy on every page."""

import re
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from mishu.core import ratelimit
from mishu.core.testing import PASSWORD

from .test_no_server_errors import _plain_paths


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _request(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_the_client_address_is_read_through_trusted_proxies_only(settings):
    settings.MISHU_TRUSTED_PROXIES = []
    # no proxy configured: a client cannot claim another address
    assert ratelimit.client_ip(_request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"
    settings.MISHU_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    assert ratelimit.client_ip(_request("10.0.0.2", "198.51.100.1")) == "198.51.100.1"
    # two proxies in a row; an address the client wrote itself (left) is ignored
    assert (
        ratelimit.client_ip(_request("10.0.0.2", "1.1.1.1, 198.51.100.1, 192.0.2.1"))
        == "198.51.100.1"
    )
    # a request that does not come through a proxy keeps its own address
    assert ratelimit.client_ip(_request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"
    # garbage in the header counts against the proxy, never as a made-up address
    assert ratelimit.client_ip(_request("10.0.0.2", "<script>")) == "10.0.0.2"
    from axes.helpers import get_client_ip_address

    assert get_client_ip_address(_request("10.0.0.2", "198.51.100.1")) == "198.51.100.1"


@pytest.mark.django_db
def test_a_password_spray_from_one_address_is_stopped(make_user, client, settings):
    settings.MISHU = {**settings.MISHU, "PUBLIC_RATE_LIMITS": {"login": (4, 900)}}
    victims = [make_user("documents", ["clerk"]) for _ in range(4)]
    for victim in victims:  # one guess per name: axes alone never locks any of them
        response = client.post("/login/", {"username": victim.username, "password": "Spring2019"})
        assert response.status_code == 200
    target = make_user("documents", ["clerk"])
    right = {"username": target.username, "password": PASSWORD}
    response = client.post("/login/", right)
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    from rest_framework.test import APIClient

    assert APIClient().post("/api/token/", right).status_code == 400  # the API too
    # another address is not affected
    other = client.post("/login/", right, REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302


@pytest.mark.django_db
def test_the_per_address_limit_follows_the_forwarded_address(make_user, client, settings):
    settings.MISHU = {**settings.MISHU, "PUBLIC_RATE_LIMITS": {"login": (2, 900)}}
    settings.MISHU_TRUSTED_PROXIES = ["127.0.0.1"]
    user = make_user("documents", ["clerk"])
    for name in ("a", "b"):
        client.post(
            "/login/", {"username": name, "password": "x"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
    right = {"username": user.username, "password": PASSWORD}
    assert client.post("/login/", right, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    # behind the same proxy, another citizen or clerk has their own allowance
    assert client.post("/login/", right, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 302


def test_rate_limits_count_in_the_shared_cache(settings):
    settings.MISHU = {**settings.MISHU, "PUBLIC_RATE_LIMITS": {"file": (2, 60)}}
    request = _request("203.0.113.5")
    assert ratelimit.hit(request, "file") and ratelimit.hit(request, "file")
    assert not ratelimit.hit(request, "file")
    # the count is in Django's cache (Redis in production), not in this process's memory
    assert cache.get("mishu:rl:file:203.0.113.5") == 3
    cache.delete("mishu:rl:file:203.0.113.5")
    assert ratelimit.hit(request, "file")


def test_production_without_a_shared_cache_is_flagged(tmp_path):
    import os

    env = {
        **os.environ,
        "MISHU_ENV": "production",
        "MISHU_SECRET_KEY": "k" * 30 + "-x9!Q" * 10,
        "MISHU_ALLOWED_HOSTS": "mishu.example.gov.tw",
        "MISHU_VAR_DIR": str(tmp_path),
    }
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "mishu", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "mishu.W001" in result.stdout + result.stderr


INLINE = re.compile(r"<(script|style)\b([^>]*)>", re.I)


@pytest.mark.django_db
def test_every_page_sends_a_csp_and_every_inline_block_carries_its_nonce(make_user, client):
    admin = make_user(None, ["admin"], is_staff=True, is_superuser=True)
    client.force_login(admin)
    checked = 0
    for path in [*_plain_paths(), "/login/", "/api/docs/"]:
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        policy = response["Content-Security-Policy"]
        assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy.replace("style-src-attr 'unsafe-inline'", "")
        nonce = re.search(r"'nonce-([^']+)'", policy)[1]
        for tag, attrs in INLINE.findall(response.content.decode()):
            if tag.lower() == "script" and "src=" in attrs:
                continue
            assert f'nonce="{nonce}"' in attrs, f"{path}: inline <{tag}> without the nonce"
            checked += 1
    assert checked >= 3  # the pages with inline blocks were reached
    assert client.get("/login/")["Content-Security-Policy"] != policy  # a nonce per response
