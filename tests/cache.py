"""The cache of a test process when tests share one Redis (``REDIS_URL``).

Each test process keys its entries with its own prefix (``portal/settings/test.py``),
and emptying the cache between tests deletes only those: Redis's own ``FLUSHDB``
would empty the cache of every other process running tests at the same time.
"""

from django_redis.cache import RedisCache
from django_redis.client.default import glob_escape


class TestProcessRedisCache(RedisCache):
    def clear(self):
        # Every version of every key: Wagtail keeps some under a version of their own.
        client = self.client.get_client(write=True)
        pattern = f"{glob_escape(self.key_prefix)}:*"
        keys = list(client.scan_iter(match=pattern, count=1000))
        if keys:
            client.delete(*keys)
