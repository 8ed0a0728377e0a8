"""Redis as a cache the site can do without: reads miss and writes are dropped while it
cannot be reached, so pages are built afresh (slower, still correct).

After a failed call the cache is left alone for ``RETRY_SECONDS``, so a request does
not wait on each of its cache calls; the next call after that tries again, and the
first one answered ends the outage. One log line a minute says the cache is down, one
says when it is back, and ``recovered`` is sent then: what was written while it was
down (a raised content version) was lost, so ``portal.caching.changes`` raises the
version again.

Protection that depends on the cache (rate limits) asks :func:`unavailable` and refuses
instead of counting nothing.
"""

import functools
import logging
import threading
import time

import django.dispatch
from django.core.cache import cache as default_cache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0
LOG_EVERY_SECONDS = 60.0

recovered = django.dispatch.Signal()


class Outage:
    """Whether the cache failed lately, in this process: shared by its threads, each
    of which has a backend of its own (see :func:`for_location`)."""

    def __init__(self, name):
        self.name = name
        self._lock = threading.Lock()
        self.down_since = None
        self._retry_at = 0.0
        self._logged_at = None

    @property
    def down(self):
        return self.down_since is not None

    def waiting(self):
        """Down, and too soon to try again."""
        return self.down and time.monotonic() < self._retry_at

    def failed(self, error):
        now = time.monotonic()
        with self._lock:
            if self.down_since is None:
                self.down_since = now
            self._retry_at = now + RETRY_SECONDS
            due = self._logged_at is None or now - self._logged_at >= LOG_EVERY_SECONDS
            if due:
                self._logged_at = now
        if due:
            logger.error(
                "Cache %r unreachable for %.0f s (%s): serving without it, "
                "refusing rate-limited forms",
                self.name,
                now - self.down_since,
                error.__cause__ or error,
            )

    def answered(self):
        if self.down_since is None:
            return
        with self._lock:
            down_since, self.down_since = self.down_since, None
            self._logged_at = None
        if down_since is not None:
            logger.warning(
                "Cache %r reachable again after %.0f s",
                self.name,
                time.monotonic() - down_since,
            )
            recovered.send(sender=self.__class__, name=self.name)


_outages = {}
_outages_lock = threading.Lock()


def for_location(location):
    with _outages_lock:
        if location not in _outages:
            _outages[location] = Outage(location)
        return _outages[location]


def _fail_open(fallback):
    def decorate(method):
        @functools.wraps(method)
        def attempt(self, *args, **kwargs):
            if self.outage.waiting():
                return fallback(*args, **kwargs) if callable(fallback) else fallback
            try:
                result = method(self, *args, **kwargs)
            except (ConnectionInterrupted, RedisError) as error:
                self.outage.failed(error)
                return fallback(*args, **kwargs) if callable(fallback) else fallback
            self.outage.answered()
            return result

        return attempt

    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


class FailOpenRedisCache(RedisCache):
    """django-redis's cache, answering "not kept" while Redis cannot be reached."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.outage = for_location(server)

    get = _fail_open(_default)(RedisCache.get)
    get_many = _fail_open(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _fail_open(False)(RedisCache.has_key)
    set = _fail_open(False)(RedisCache.set)
    set_many = _fail_open(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    add = _fail_open(False)(RedisCache.add)
    touch = _fail_open(False)(RedisCache.touch)
    incr = _fail_open(None)(RedisCache.incr)
    decr = _fail_open(None)(RedisCache.decr)
    delete = _fail_open(False)(RedisCache.delete)
    delete_many = _fail_open(None)(RedisCache.delete_many)
    clear = _fail_open(None)(RedisCache.clear)
    ttl = _fail_open(None)(RedisCache.ttl)


def unavailable(cache=None):
    """Whether ``cache`` (the default) failed its last call: what it says now may be
    a miss it could not check."""
    outage = getattr(cache or default_cache, "outage", None)
    return outage is not None and outage.down
