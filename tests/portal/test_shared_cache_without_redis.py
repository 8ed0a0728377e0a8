"""Without Redis every process on the machine shares one cache (files, one folder per
database), so a change published through one worker shows through the others at
once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests import settings_modules

# Not inside the test's transaction: the workers read and write the database too.
pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
# A worker: answers "version" with the content version it would serve pages under,
# and "publish" by raising it, as publishing a page does.
WORKER = """
import sys
from portal.caching import changes
for command in sys.stdin:
    if command.strip() == "publish":
        changes.public_content_changed()
    print(changes.current_version(), flush=True)
"""


def database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )


class Worker:
    def __init__(self, cache_root):
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("DJANGO_", "REDIS_URL", "DATABASE_URL"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            DJANGO_SECRET_KEY=settings_modules.REAL_KEY,
            DJANGO_ALLOWED_HOSTS=settings_modules.HOSTS,
            DATABASE_URL=database_url(),
            DJANGO_CACHE_ROOT=str(cache_root),
        )
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-v0", "-c", WORKER],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


def test_a_change_published_through_one_worker_shows_through_the_other_at_once(
    tmp_path,
):
    first, second = Worker(tmp_path), Worker(tmp_path)
    try:
        before = first.ask("version")
        assert second.ask("version") == before

        published = second.ask("publish")

        assert published > before
        assert first.ask("version") == published
    finally:
        first.stop()
        second.stop()


def test_each_database_has_its_own_cache_folder():
    folders = {
        settings_modules.production(
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}"
        ).CACHES["default"]["LOCATION"]
        for name in ("portal", "portal_staging", "portal")
    }
    assert len(folders) == 2
