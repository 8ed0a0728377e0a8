"""Whole public responses kept in the cache for anonymous visitors.

Only what every anonymous visitor would get alike is stored: GET requests without a
session, CSRF or messages cookie, outside the admin and documents, answered 200 or 301
with no cookie set and no ``Cache-Control`` of their own (meeting papers and agenda
packs set ``no-cache``). Streamed files (the open data) are too big to keep here.
Keys hold the content version (``portal.caching.changes``), so publishing anything
forgets every stored page at once.

Responses it could store say ``Cache-Control: public`` so a CDN may keep them too, for
at most as long as the page cache would; a request with a query string (searches,
filters, page numbers) is not kept by the CDN, since a purge names exact URLs. Anything
answered to someone with a session is marked private.
"""

import hashlib
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from portal.caching import backends, changes
from portal.caching.release import release

# Documents check collection privacy on each download.
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/")
STORED_STATUSES = {200, 301}
HARMLESS_VARY = {"cookie", "accept-encoding"}
BROWSER_MAX_AGE = 60


def _seconds():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0)


def _has_private_cookie(request):
    names = {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"}
    return any(name in request.COOKIES for name in names)


def _anonymous_read(request):
    return (
        request.method in ("GET", "HEAD")
        and not _has_private_cookie(request)
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(NEVER_CACHED_PREFIXES)
    )


def normalised_query(request):
    return urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))


def cache_key(request, version):
    url = "|".join(
        [request.scheme, request.get_host(), request.path, normalised_query(request)]
    )
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"portal:page:{release()}:{version}:{digest}"


def _storable(request, response):
    """Whether every anonymous visitor would get this same response."""
    vary = {
        part.strip().lower()
        for part in response.get("Vary", "").split(",")
        if part.strip()
    }
    return (
        response.status_code in STORED_STATUSES
        and not response.cookies
        and not response.has_header("Cache-Control")
        and vary <= HARMLESS_VARY
        and not getattr(request, "is_preview", False)
    )


def _public_cache_control(request, response, seconds):
    shared = 0 if request.META.get("QUERY_STRING") else seconds
    patch_cache_control(
        response,
        public=True,
        max_age=min(BROWSER_MAX_AGE, seconds),
        s_maxage=shared,
    )


class PageCacheMiddleware:
    """Serve and store anonymous public responses; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = _seconds()
        if limit <= 0:
            return self.get_response(request)
        if not _anonymous_read(request) or backends.unavailable():
            return _private(self.get_response(request))

        version, seconds = changes.version_and_seconds(limit)
        key = cache_key(request, version)
        stored = cache.get(key) if seconds else None
        if stored is not None:
            return self._from_store(request, stored)

        response = self.get_response(request)
        if not (seconds and _storable(request, response)):
            return _private(response)
        # Open data files stream: too big to keep here, but a CDN may. A HEAD
        # response may have no body to keep.
        if request.method == "GET" and not response.streaming:
            # Stored before Cache-Control is added: a hit works out its own max-age.
            self._store(key, response, seconds)
            response["X-Cache"] = "miss"
        _public_cache_control(request, response, seconds)
        return response

    def _store(self, key, response, seconds):
        stored = {
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
            "expires": time.time() + seconds,
        }
        cache.set(key, stored, seconds)

    def _from_store(self, request, stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        seconds_left = max(0, int(stored["expires"] - time.time()))
        _public_cache_control(request, response, seconds_left)
        response["X-Cache"] = "hit"
        return response


def _private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if _seconds() > 0 and backend.endswith("LocMemCache"):
        return [
            checks.Warning(
                "The page cache and site chrome live in each process's own memory: "
                "with several worker processes or servers, a change made through one "
                "shows through the others only when their copies expire (pages after "
                "PAGE_CACHE_SECONDS, the menu and footer after a day).",
                hint="Set REDIS_URL to share one cache, or run a single process.",
                id="portal.W001",
            )
        ]
    return []
