"""Development (``make run``): debugging on, a fixed key for this machine only, static
files served from the source folders, and two-factor sign-in only if asked for."""

from portal.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "django-insecure-development-only-never-used-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
PORTAL_REQUIRE_2FA = bool(PORTAL_REQUIRE_2FA)

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

LOGGING = {
    **LOGGING,
    "loggers": {**LOGGING["loggers"], "wagtail": {"level": "WARNING"}},
}
