"""Production: the default. It refuses to start without a real secret key and the
host names the site is served on, and expects a TLS-terminating proxy in front."""

from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import *  # noqa: F403

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "Production mode needs DJANGO_SECRET_KEY: a random value of at least 50 "
        "characters, e.g. from "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`. "
        "For local development run `make run` (portal.settings.development)."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "Production mode needs DJANGO_ALLOWED_HOSTS: the host names the site is "
        "served on, comma-separated, e.g. 'portal.example.org'."
    )

PORTAL_REQUIRE_2FA = PORTAL_REQUIRE_2FA is not False

SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
