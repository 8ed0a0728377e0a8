"""A per-client counter in the cache, for public forms that send email or store data.

Counts are kept per client address (as the sign-in protection finds it, trusting
``X-Forwarded-For`` only as far as ``DJANGO_TRUSTED_PROXY_COUNT`` proxies) and per
scope, in fixed windows.

While the cache cannot be reached nothing can be counted, so a form it protects is
refused with a 503 and ``Retry-After`` (:class:`RefuseWhenUncountedMiddleware`)
rather than letting a flood through.
"""

import hashlib

from django.core.cache import cache
from django.template.response import TemplateResponse

from portal.caching.backends import unavailable
from portal.security.login_protection import client_ip_address

RETRY_AFTER_SECONDS = 60


class CannotCount(Exception):
    """The cache holding the counts did not answer."""


def client_ip(request):
    return client_ip_address(request) or "unknown"


def _key(scope, identity):
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"portal:ratelimit:{scope}:{digest}"


def allow(scope, identity, limit, window_seconds):
    """Count one attempt; False once ``identity`` has used ``limit`` in the window.
    Raises :class:`CannotCount` while the cache is down."""
    if unavailable():
        raise CannotCount(scope)
    key = _key(scope, identity)
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    if unavailable():
        raise CannotCount(scope)
    return count <= limit


def allow_request(request, scope, limit, window_seconds):
    """Count one attempt from the request's IP address (see :func:`allow`)."""
    return allow(scope, client_ip(request), limit, window_seconds)


class RefuseWhenUncountedMiddleware:
    """A form whose rate limit cannot be counted answers 503, asking to come back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CannotCount):
            return None
        response = TemplateResponse(
            request,
            "portal/cannot_count.html",
            {"retry_minutes": RETRY_AFTER_SECONDS // 60},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response.render()
