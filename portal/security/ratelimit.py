"""A per-client counter in the cache, for public forms that send email or store data.

Counts are kept per client address (as the sign-in protection finds it, trusting
``X-Forwarded-For`` only as far as ``DJANGO_TRUSTED_PROXY_COUNT`` proxies) and per
scope, in fixed windows.
"""

import hashlib

from django.core.cache import cache

from portal.security.login_protection import client_ip_address


def client_ip(request):
    return client_ip_address(request) or "unknown"


def _key(scope, identity):
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"portal:ratelimit:{scope}:{digest}"


def allow(scope, identity, limit, window_seconds):
    """Count one attempt; False once ``identity`` has used ``limit`` in the window."""
    key = _key(scope, identity)
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds)
        return True
    return count <= limit


def allow_request(request, scope, limit, window_seconds):
    """Count one attempt from the request's IP address (see :func:`allow`)."""
    return allow(scope, client_ip(request), limit, window_seconds)
