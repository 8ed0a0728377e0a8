"""Tests (``make test``): development's settings, with what the test suite needs.

Uploaded and generated files go to a temporary folder of this test process, never the
checkout's ``media/`` and ``private/``. Passwords hash quickly. The page cache is off,
so tests see each render; tests of the page cache turn it on (the ``page_cache``
fixture).

On SQLite the test database is a file in that folder rather than in memory, so the
live server that browser tests drive opens connections of its own, as it does on
PostgreSQL. Several test processes can run at once (``pytest -n 2``): each has its own
database (pytest-django names one per process), its own folder, and its own keys in
a shared Redis.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from portal.settings.development import *  # noqa: F403

DEBUG = False
PORTAL_REQUIRE_2FA = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PAGE_CACHE_SECONDS = 0

TEST_FILES = Path(tempfile.mkdtemp(prefix="portal-test-"))
atexit.register(shutil.rmtree, TEST_FILES, ignore_errors=True)
MEDIA_ROOT = TEST_FILES / "media"
MEETINGS_PRIVATE_ROOT = TEST_FILES / "private"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES = {
        "default": {
            **DATABASES["default"],
            "TEST": {"NAME": str(TEST_FILES / "test.sqlite3")},
            # A database thrown away at the end: no waiting for the disk.
            "OPTIONS": {
                **SQLITE_OPTIONS,
                "init_command": "PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY;",
            },
        }
    }

# Each test process has its own cache in memory, or its own keys in a shared Redis.
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            **CACHES["default"],
            "BACKEND": "tests.cache.TestProcessRedisCache",
            "KEY_PREFIX": f"portal-test-{os.getpid()}",
        }
    }
