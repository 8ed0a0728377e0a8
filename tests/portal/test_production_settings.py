"""Production is the default mode, refuses to start without a real secret key and host
names, and passes Django's deployment checks."""

import io
import os
import runpy
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings

from tests import settings_modules
from tests.settings_modules import HOSTS, REAL_KEY

ROOT = Path(__file__).resolve().parents[2]
# What a running test process cannot switch: its database and its loaded apps.
FIXED = {"DATABASES", "INSTALLED_APPS"}


def test_manage_py_and_the_wsgi_server_use_production_settings_by_default(
    monkeypatch, capsys
):
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE")
    monkeypatch.setattr(sys, "argv", ["manage.py", "version"])
    runpy.run_path(str(ROOT / "manage.py"), run_name="__main__")
    assert capsys.readouterr().out.strip()
    assert os.environ["DJANGO_SETTINGS_MODULE"] == ("portal.settings.production")

    monkeypatch.delenv("DJANGO_SETTINGS_MODULE")
    monkeypatch.delitem(sys.modules, "portal.wsgi", raising=False)
    from portal import wsgi

    assert callable(wsgi.application)
    assert os.environ["DJANGO_SETTINGS_MODULE"] == ("portal.settings.production")


def test_production_refuses_to_start_without_a_secret_key():
    with pytest.raises(ImproperlyConfigured, match="needs DJANGO_SECRET_KEY"):
        settings_modules.load(DJANGO_ALLOWED_HOSTS=HOSTS)


@pytest.mark.parametrize("key", ["short", "django-insecure-" + "x" * 60])
def test_production_refuses_a_weak_or_development_secret_key(key):
    with pytest.raises(ImproperlyConfigured, match="needs DJANGO_SECRET_KEY"):
        settings_modules.load(DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS=HOSTS)


def test_production_refuses_to_start_without_allowed_hosts():
    with pytest.raises(ImproperlyConfigured, match="needs DJANGO_ALLOWED_HOSTS"):
        settings_modules.load(DJANGO_SECRET_KEY=REAL_KEY)


def test_production_starts_with_a_real_key_and_hosts():
    production = settings_modules.production()

    assert production.DEBUG is False
    assert production.SECRET_KEY == REAL_KEY
    assert production.ALLOWED_HOSTS == [HOSTS]


@pytest.mark.django_db
def test_deploy_checks_pass_in_production_except_hsts_preload(
    monkeypatch,
):
    # Set for the browser tests (tests/conftest.py); never on a server.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    production = settings_modules.production()
    changed = {
        name: getattr(production, name)
        for name in dir(production)
        if name.isupper() and name not in FIXED
    }
    output = io.StringIO()

    with override_settings(**changed):
        call_command("check", deploy=True, stdout=output, stderr=output)

    warnings = sorted(
        line.split(")")[0].split("(")[-1]
        for line in output.getvalue().splitlines()
        if line.startswith("?:")
    )
    # Without REDIS_URL the processes share the database's cache: no portal.W001.
    assert warnings == ["security.W021"], output.getvalue()


def test_production_serves_hashed_compressed_static_files_and_trusts_the_proxy():
    production = settings_modules.production()

    assert production.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert production.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in production.MIDDLEWARE
    # Two-factor required, 5 failures lock for an hour, 8-hour sessions.
    assert production.PORTAL_REQUIRE_2FA is True
    assert production.AXES_FAILURE_LIMIT == 5
    assert str(production.AXES_COOLOFF_TIME) == "1:00:00"
    assert production.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert production.SESSION_COOKIE_AGE == 8 * 3600
    assert production.AUTHENTICATION_BACKENDS[0] == (
        "axes.backends.AxesStandaloneBackend"
    )
    assert production.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert production.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
        "https://tile.openstreetmap.org",
    ]


def test_the_security_settings_follow_the_environment():
    production = settings_modules.production(
        DJANGO_REQUIRE_2FA="false",
        AXES_FAILURE_LIMIT="10",
        AXES_COOLOFF_MINUTES="15",
        DJANGO_SESSION_HOURS="1",
        FUNDING_MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        MEETINGS_PRIVATE_BUCKET="portal-papers",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )

    assert production.PORTAL_REQUIRE_2FA is False
    assert production.AXES_FAILURE_LIMIT == 10
    assert str(production.AXES_COOLOFF_TIME) == "0:15:00"
    assert production.SESSION_COOKIE_AGE == 3600
    assert production.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
        "https://*.tiles.example.org",
        "https://media.example.org",
    ]


def test_development_and_tests_never_need_a_key_or_two_factor():
    development = settings_modules.load("portal.settings.development")

    assert development.DEBUG is True
    assert development.SECRET_KEY.startswith("django-insecure")
    assert development.ALLOWED_HOSTS == ["127.0.0.1", "localhost"]
    assert development.PORTAL_REQUIRE_2FA is False
    assert settings_modules.load(
        "portal.settings.development", DJANGO_REQUIRE_2FA="true"
    ).PORTAL_REQUIRE_2FA
