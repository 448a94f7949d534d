"""Django's Redis cache, with one Redis client a connection pool instead of one an operation.

Django's `RedisCacheClient.get_client()` makes a new `redis.Redis` for every cache operation,
and its constructor builds the client's table of some 170 response callbacks each time: about a
third of a kept page's cache read. A `redis.Redis` is safe to share between threads (each
command takes a connection from the pool), so one is kept for each pool."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _Client(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _Client
