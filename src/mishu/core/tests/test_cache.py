"""The Redis cache (core.cache): Django's, with one Redis client per connection pool."""

import pytest
import redis

from mishu.core.cache import RedisCache

URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def cache():
    try:
        redis.Redis.from_url(URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    cache = RedisCache(URL, {"KEY_PREFIX": "mishu-test"})
    yield cache
    cache.clear()


def test_values_round_trip_through_one_client(cache):
    cache.set("kept", {"值": [1, 2]}, 60)
    assert cache.get("kept") == {"值": [1, 2]}
    assert cache.get("missing", "none") == "none"
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client and cache._cache.get_client(write=True) is client
    cache.delete("kept")
    assert cache.get("kept") is None
