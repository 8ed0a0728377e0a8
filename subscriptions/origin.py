"""Forms without a CSRF token still refuse posts that a browser says came from
another site.

The sign-up forms sit on cached pages, where a token would be shared between visitors,
so they are exempt from Django's CSRF check (see ``subscriptions.views``). Browsers
tell us where a post came from (``Sec-Fetch-Site``, ``Origin``, ``Referer``): a post
from another site is refused. One with none of them (a script, an old browser) is
let through, as such a post cannot ride on a visitor's browser.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings


def is_cross_site(request):
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if source is None:
        return False
    if source == "null":
        return True
    parts = urlsplit(source)
    trusted = {urlsplit(origin).netloc for origin in settings.CSRF_TRUSTED_ORIGINS}
    return parts.netloc != request.get_host() and parts.netloc not in trusted


def refuse_cross_site_posts(refusal):
    """Decorate a view: a POST from another site gets ``refusal(request)``."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if request.method == "POST" and is_cross_site(request):
                return refusal(request)
            return view(request, *args, **kwargs)

        return checked

    return decorator
