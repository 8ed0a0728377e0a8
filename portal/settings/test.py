"""Tests (``make test``): development's settings, with what the test suite needs.

Uploaded and generated files go to a temporary folder of this test run, never the
checkout's ``media/`` and ``private/``. Passwords hash quickly. The page cache is off,
so tests see each render; tests of the page cache turn it on (the ``page_cache``
fixture). On SQLite the test database is a file in that folder, so the live server's
threads in browser tests open connections of their own, as on PostgreSQL.
"""

import atexit
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
