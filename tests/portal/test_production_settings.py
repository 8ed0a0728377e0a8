import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL_KEY = "k" * 20 + "-a-long-random-production-secret-value-0123456789"
HOSTS = "portal.example.org"


SECURITY_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.PORTAL_REQUIRE_2FA, s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME); "
    "print(s.AXES_LOCKOUT_PARAMETERS, s.SESSION_COOKIE_AGE); "
    "print(s.AUTHENTICATION_BACKENDS[0], s.MIDDLEWARE[-1]); "
    "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
)


def run_in_production_mode(args, **env):
    """Run ``python ARGS`` in a fresh interpreter, as the server would, with ``env``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="portal.settings.base")
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def start_django(**env):
    return run_in_production_mode(
        ["-c", "import django; django.setup(); print('started')"], **env
    )


def test_production_mode_is_the_default_and_refuses_to_start_without_a_secret_key():
    result = start_django(DJANGO_ALLOWED_HOSTS=HOSTS)
    assert result.returncode != 0
    assert "needs DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("key", ["short", "django-insecure-" + "x" * 60])
def test_production_mode_refuses_a_weak_or_development_secret_key(key):
    result = start_django(DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS=HOSTS)
    assert result.returncode != 0
    assert "needs DJANGO_SECRET_KEY" in result.stderr


def test_production_mode_refuses_to_start_without_allowed_hosts():
    result = start_django(DJANGO_SECRET_KEY=REAL_KEY)
    assert result.returncode != 0
    assert "needs DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_mode_starts_with_a_real_key_and_hosts():
    result = start_django(DJANGO_SECRET_KEY=REAL_KEY, DJANGO_ALLOWED_HOSTS=HOSTS)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_deploy_checks_pass_in_production_mode_except_hsts_preload():
    result = run_in_production_mode(
        ["manage.py", "check", "--deploy"],
        DJANGO_SECRET_KEY=REAL_KEY,
        DJANGO_ALLOWED_HOSTS=HOSTS,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    warnings = [line for line in output.splitlines() if "(security.W" in line]
    assert len(warnings) == 1 and "security.W021" in warnings[0], output


def test_production_serves_hashed_compressed_static_files_and_trusts_the_proxy():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.STORAGES['staticfiles']['BACKEND']); "
        "print(s.SECURE_PROXY_SSL_HEADER); "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE); "
        "print('whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE); "
    ) + SECURITY_SETTINGS.removeprefix("import django; django.setup(); ")
    result = run_in_production_mode(
        ["-c", code], DJANGO_SECRET_KEY=REAL_KEY, DJANGO_ALLOWED_HOSTS=HOSTS
    )
    assert result.stdout.splitlines() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "('HTTP_X_FORWARDED_PROTO', 'https')",
        "True True True",
        "True",
        # Two-factor required, 5 failures lock for an hour, 8-hour sessions.
        "True 5 1:00:00",
        "[['username', 'ip_address']] 28800",
        "axes.backends.AxesStandaloneBackend axes.middleware.AxesMiddleware",
        "[\"'self'\", 'data:', 'https://tile.openstreetmap.org']",
    ], result.stderr


def test_the_security_settings_follow_the_environment():
    result = run_in_production_mode(
        ["-c", SECURITY_SETTINGS],
        DJANGO_SECRET_KEY=REAL_KEY,
        DJANGO_ALLOWED_HOSTS=HOSTS,
        DJANGO_REQUIRE_2FA="false",
        AXES_FAILURE_LIMIT="10",
        AXES_COOLOFF_MINUTES="15",
        DJANGO_SESSION_HOURS="1",
        FUNDING_MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        MEETINGS_PRIVATE_BUCKET="portal-papers",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "False 10 0:15:00",
        "[['username', 'ip_address']] 3600",
    ], result.stderr
    assert lines[3] == (
        "[\"'self'\", 'data:', 'https://*.tiles.example.org', "
        "'https://media.example.org']"
    )
