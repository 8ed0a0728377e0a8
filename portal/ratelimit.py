"""A per-client counter in the cache, for public forms that send email or store data.

Counts are kept per IP address (``REMOTE_ADDR``: the proxy in front of the portal must
set it to the client's address) and per scope, in fixed windows.
"""

import hashlib

from django.core.cache import cache


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"


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
