"""Sign-in lockouts (django-axes): which address a request came from.

The settings (``AXES_*``) lock a username at one address after repeated failures;
``admin_views`` lets an administrator see and lift lockouts and read the failure log.
"""

from django.conf import settings


def client_ip_address(request):
    """The client address, trusting X-Forwarded-For only as far as the proxies.

    Each trusted proxy appends the address it received the request from, so the
    client is the Nth entry from the right; anything further left the client can forge.
    """
    proxies = settings.PORTAL_TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [address.strip() for address in forwarded.split(",")]
        if len(addresses) >= proxies:
            return addresses[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: what happened and what to do now."""
    from axes.helpers import get_client_username
    from django.shortcuts import render
    from django.utils import timezone
    from django.utils.timesince import timesince

    now = timezone.now()
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off": timesince(now - settings.AXES_COOLOFF_TIME, now),
    }
    return render(
        request,
        "portal/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
