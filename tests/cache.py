"""The cache of a test process when tests share one Redis (``REDIS_URL``).

Each test process keys its entries with its own prefix (``portal/settings/test.py``),
and emptying the cache between tests deletes only those: Redis's own ``FLUSHDB``
would empty the cache of every other process running tests at the same time.
"""

from django_redis.cache import RedisCache


class TestProcessRedisCache(RedisCache):
    def clear(self):
        self.delete_pattern("*")
