"""The benchmark's two databases, built once and kept between runs.

Phase "small" holds what ``seed_portal`` creates plus ``SMALL_SIZES`` of generated
data: just enough that every measured list is full (the next five meetings and the
last twenty, a calendar's fifty and fifty, a page of 25 projects). Phase "bulk" is a
copy of it with the bulk sizes added. A page then shows as many rows on both, and
only the data behind it grows. Each phase is keyed by a hash of everything that
decides its contents (migrations, seed and bulk code, pinned packages, sizes), so a
second ``make bench`` reuses them and a change to any of those builds them again.

On SQLite each phase is a folder under ``bench/.work/data/sqlite/`` holding the
database file and its media and private files. With ``DATABASE_URL`` pointing at
PostgreSQL, the databases are ``portal_bench_small_<key>`` and
``portal_bench_bulk_<key>`` on that server (never the database the URL names), their
files under ``bench/.work/data/postgresql/``.
"""

import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
DATA = WORK / "data"
STATIC_ROOT = WORK / "static"
LOGS = WORK / "logs"
CONTENT_FILES = [
    "requirements.txt",
    "*/migrations/*.py",
    "*/seed.py",
    "*/bulk.py",
    "portal/management/commands/seed_portal.py",
    "portal/management/commands/generate_bulk_data.py",
]
# Settings of the developer's shell that must not leak into the benchmark's servers.
INHERITED_PREFIXES_DROPPED = (
    "DJANGO_",
    "DATABASE_",
    "REDIS_URL",
    "PAGE_CACHE_SECONDS",
    "MEETINGS_",
    "EMAIL_",
)
POSTGRES_NAME = re.compile(r"^portal_bench_(small|bulk)_[0-9a-f]{12}(_partial)?$")


@dataclass(frozen=True)
class BulkSizes:
    meetings: int = 10_000
    documents: int = 50_000
    projects: int = 100_000

    def arguments(self):
        return [
            f"--meetings={self.meetings}",
            f"--documents={self.documents}",
            f"--projects={self.projects}",
        ]


# A meeting a day, alternately ahead and behind (see meetings.bulk): 400 keep the
# calendar's next fifty for months after the data is built.
SMALL_SIZES = BulkSizes(meetings=400, documents=400, projects=30)


@dataclass(frozen=True)
class Phase:
    name: str
    key: str
    files: Path
    database_url: str
    secret_key: str

    def env(self, **extra):
        """The environment of a production-mode process on this phase's data."""
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(INHERITED_PREFIXES_DROPPED)
        }
        env.update(
            DJANGO_SECRET_KEY=self.secret_key,
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_LOG_LEVEL="WARNING",
            DATABASE_URL=self.database_url,
            DJANGO_STATIC_ROOT=str(STATIC_ROOT),
            DJANGO_MEDIA_ROOT=str(self.files / "media"),
            MEETINGS_PRIVATE_ROOT=str(self.files / "private"),
            **extra,
        )
        return env

    def build_info(self):
        try:
            return json.loads((self.files / "build.json").read_text())
        except (OSError, ValueError):
            return None


def content_key(*parts):
    digest = hashlib.sha256()
    for pattern in CONTENT_FILES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    for part in parts:
        digest.update(repr(part).encode())
    return digest.hexdigest()[:12]


class SqliteDatabases:
    vendor = "sqlite"

    def url(self, files, name):
        return f"sqlite:///{files / 'db.sqlite3'}"

    def exists(self, name):
        return True

    def create(self, name, template=None):
        pass

    def rename(self, old, new):
        pass

    def drop_stale(self, keep):
        pass

    def describe(self):
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"


class PostgresDatabases:
    """Databases on the server of ``DATABASE_URL``, made and dropped by name."""

    vendor = "postgresql"

    def __init__(self, server_url):
        self.server_url = server_url

    def url(self, files, name):
        return urlsplit(self.server_url)._replace(path=f"/{name}").geturl()

    def _execute(self, sql, *params):
        import psycopg2

        connection = psycopg2.connect(self.url(None, "postgres"))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def _names(self):
        rows = self._execute("SELECT datname FROM pg_database")
        return {name for (name,) in rows if POSTGRES_NAME.match(name)}

    def exists(self, name):
        return name in self._names()

    def create(self, name, template=None):
        assert POSTGRES_NAME.match(name), name
        self._execute(f'DROP DATABASE IF EXISTS "{name}"')
        if template:
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        else:
            self._execute(f'CREATE DATABASE "{name}"')

    def rename(self, old, new):
        self._execute(f'DROP DATABASE IF EXISTS "{new}"')
        self._execute(f'ALTER DATABASE "{old}" RENAME TO "{new}"')

    def drop_stale(self, keep):
        for name in self._names() - set(keep):
            self._execute(f'DROP DATABASE "{name}" WITH (FORCE)')

    def describe(self):
        ((version,),) = self._execute("SHOW server_version")
        return f"PostgreSQL {version}"


def databases_for(database_url):
    if database_url.startswith(("postgres://", "postgresql://")):
        return PostgresDatabases(database_url)
    return SqliteDatabases()


def prepare(databases, sizes, log=print):
    """The small and bulk phases, built now if no cached copy matches."""
    small_key = content_key("small", databases.vendor, SMALL_SIZES)
    bulk_key = content_key("bulk", small_key, sizes)
    secret_key = secrets.token_urlsafe(64)
    small = _phase("small", small_key, databases, secret_key)
    bulk = _phase("bulk", bulk_key, databases, secret_key)
    log(f"Data: {small.files.parent.relative_to(ROOT)}/ ({databases.vendor})")
    if not _is_built(small, databases):
        log(
            "Building the small database (once; kept in bench/.work/): the seed and "
            + " ".join(SMALL_SIZES.arguments())
        )
        _build(
            small,
            databases,
            steps=[["seed_portal"], ["generate_bulk_data", *SMALL_SIZES.arguments()]],
        )
    if not _is_built(bulk, databases):
        log(f"Building the bulk database (once): {' '.join(sizes.arguments())}")
        _build(
            bulk,
            databases,
            template=small,
            steps=[["generate_bulk_data", *sizes.arguments()]],
        )
    _remove_stale(databases, keep=[small, bulk])
    return small, bulk


def _database_name(name, key):
    return f"portal_bench_{name}_{key}"


def _phase(name, key, databases, secret_key, suffix=""):
    files = DATA / databases.vendor / f"{name}-{key}{suffix}"
    return Phase(
        name=name,
        key=key,
        files=files,
        database_url=databases.url(files, _database_name(name, key) + suffix),
        secret_key=secret_key,
    )


def _is_built(phase, databases):
    return phase.build_info() is not None and databases.exists(
        _database_name(phase.name, phase.key)
    )


def _build(phase, databases, steps, template=None):
    partial = _phase(phase.name, phase.key, databases, phase.secret_key, "_partial")
    shutil.rmtree(partial.files, ignore_errors=True)
    if template is None:
        partial.files.mkdir(parents=True)
        databases.create(_database_name(phase.name, phase.key) + "_partial")
        steps = [["migrate", "--no-input", "-v0"], *steps]
    else:
        shutil.copytree(template.files, partial.files)
        (partial.files / "build.json").unlink()
        databases.create(
            _database_name(phase.name, phase.key) + "_partial",
            template=_database_name(template.name, template.key),
        )
    timings = {}
    for step in [*steps, ["update_index"]]:
        started = time.monotonic()
        _manage(partial, *step)
        timings[step[0]] = round(time.monotonic() - started, 1)
    databases.rename(
        _database_name(phase.name, phase.key) + "_partial",
        _database_name(phase.name, phase.key),
    )
    shutil.rmtree(phase.files, ignore_errors=True)
    os.replace(partial.files, phase.files)
    info = {"built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    info["seconds"] = timings
    (phase.files / "build.json").write_text(json.dumps(info, indent=2))


def _manage(phase, *arguments):
    """Run a management command, its output kept in bench/.work/logs/ and shown only
    when it fails."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / f"{phase.name}-{arguments[0]}.log"
    print(f"  $ manage.py {' '.join(arguments)}", end="", flush=True)
    started = time.monotonic()
    with log_path.open("w") as log:
        completed = subprocess.run(
            [sys.executable, "manage.py", *arguments],
            env=phase.env(),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        )
    print(f"  ({time.monotonic() - started:.0f} s)", flush=True)
    if completed.returncode != 0:
        tail = "\n".join(log_path.read_text().splitlines()[-30:])
        raise subprocess.CalledProcessError(
            completed.returncode, f"manage.py {arguments[0]}", output=tail
        )


def collectstatic(phase):
    _manage(phase, "collectstatic", "--no-input", "-v0")


def _remove_stale(databases, keep):
    kept = {phase.files for phase in keep}
    for folder in {phase.files.parent for phase in keep}:
        for old in folder.iterdir():
            if old not in kept:
                shutil.rmtree(old, ignore_errors=True)
    databases.drop_stale(keep=[_database_name(phase.name, phase.key) for phase in keep])
