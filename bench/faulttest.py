"""``make faulttest``: the production server under load while its parts fail.

gunicorn in production mode (2 workers × 4 threads) on PostgreSQL, with a Redis this
test starts on a free port (never a shared one), serves mixed public traffic from wrk
while the faults in ``FAULTS`` happen one after another: Redis killed and, after
``REDIS_DOWN_SECONDS``, started again empty; every database connection terminated
(``pg_terminate_backend``), twice; the papers folder, a small tmpfs, filled by a
Board secretary's uploads (``bench/faulttest_disk.py``). A checker fetches the
streamed open data files throughout and counts any that arrive as 200 but cut short.

Each request's start, end and status are written by gunicorn hooks
(``bench/faulttest_hooks.py``). A 5xx is excused only if the request was in flight at
the moment of a fault; any other fails the test, as does a truncated file. It prints
the responses by status class for each fault and the cache's log lines.

``FAULTTEST_DATABASE_URL`` names the database it creates and keeps (default
``postgres://postgres@127.0.0.1:5432/portal_faulttest``).

A fault is a ``Fault(name, inject)``: ``inject(context)`` breaks something and
returns when the site should be whole again (or leaves the mending to the next
fault). Add one to ``FAULTS`` and its responses are counted and judged like the
others; ``Skipped`` prints why a fault cannot run on this machine, and
``context.failures`` takes what a fault finds wrong besides a 5xx.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2

from bench.faulttest_disk import PapersDisk, create_editor, fill_with_papers
from bench.server import GunicornConfig, free_port, gunicorn
from bench.wrk import ensure_wrk, run_wrk

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work" / "faulttest"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_faulttest"
REDIS_DOWN_SECONDS = float(os.environ.get("FAULTTEST_REDIS_DOWN_SECONDS", "30"))
SETTLE_SECONDS = 6
# Signing in and uploading until the papers disk is full.
DISK_FAULT_SECONDS = 20
CONNECTIONS = 16
PATHS = [
    "/",
    "/industrial-strategy/",
    "/industrial-strategy/clean-growth/",
    "/faqs/",
    "/meetings/",
    "/funding/",
    "/funding/projects/",
    "/funding/projects/?page=2",
    "/funding/enterprise-zones/",
    "/search/?q=growth",
    "/meetings/calendar.ics",
    "/funding/enterprise-zones.geojson",
    "/funding/projects.csv",
    "/funding/projects.json",
    "/subscriptions/mailing-list/",
]
STREAMED = ["/funding/projects.csv", "/funding/projects.json"]


class Skipped(Exception):
    """A fault this machine cannot stage (say why)."""


@dataclass
class Context:
    env: dict
    database_url: str
    redis: "RedisServer"
    port: int
    papers: PapersDisk
    editor: object = None
    moments: list = field(default_factory=list)
    failures: list = field(default_factory=list)

    def fault_now(self, name, action):
        """Run ``action``, noting when it ran: requests in flight then may fail."""
        started = time.time()
        result = action()
        self.moments.append((name, started, time.time()))
        return result


@dataclass
class Fault:
    name: str
    inject: object


class RedisServer:
    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"],
                capture_output=True,
                check=False,
            ).stdout.strip()
            != b"PONG"
        ):
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()


def redis_killed_and_restarted(context):
    context.fault_now("kill", context.redis.kill)
    time.sleep(REDIS_DOWN_SECONDS)
    context.fault_now("restart", context.redis.start)
    time.sleep(SETTLE_SECONDS)


def terminate_database_connections(context):
    def terminate():
        with _admin_connection(context.database_url) as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [_database_name(context.database_url)],
            )
            return cursor.fetchone()[0]

    for _ in range(2):
        terminated = context.fault_now("terminate", terminate)
        print(f"  terminated {terminated} database connections", flush=True)
        time.sleep(SETTLE_SECONDS)


def papers_disk_filled(context):
    """No fault moment is noted: neither the editor nor the public may see a 5xx."""
    if not context.papers.mounted:
        raise Skipped(context.papers.why_not)
    with _admin_connection(context.database_url, own_database=True) as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM meetings_meetingdocument")
        last_document = cursor.fetchone()[0]
        cursor.execute(
            "SELECT coalesce(max(id), 0) FROM meetings_meetingdocumentversion"
        )
        last_version = cursor.fetchone()[0]

    def rows_since():
        with _admin_connection(context.database_url, own_database=True) as cursor:
            cursor.execute(
                "SELECT file, file_size FROM meetings_meetingdocument WHERE id > %s "
                "UNION ALL SELECT file, file_size FROM meetings_meetingdocumentversion "
                "WHERE id > %s",
                [last_document, last_version],
            )
            return dict(cursor.fetchall())

    try:
        found = fill_with_papers(
            context.port, context.editor, context.papers, rows_since
        )
    except Exception as error:
        context.failures.append(f"the full-disk fault could not run: {error!r}")
        print(f"  could not run: {error!r}", flush=True)
        return
    print(
        f"  {found.batches_stored} batches ({found.files_stored} files) stored, then "
        f"the full disk: {found.refusal}; {found.files_on_disk} files on the disk, "
        f"{len(found.problems)} partial, stray, missing or mis-sized",
        flush=True,
    )
    for problem in found.problems[:10]:
        print(f"  {problem}", flush=True)
    context.failures.extend(found.problems)
    time.sleep(SETTLE_SECONDS)


FAULTS = [
    Fault("Redis killed and restarted", redis_killed_and_restarted),
    Fault("Database connections terminated", terminate_database_connections),
    Fault("Papers disk full during uploads", papers_disk_filled),
]


def _database_name(url):
    return urlsplit(url).path.lstrip("/")


@contextmanager
def _admin_connection(url, own_database=False):
    parts = urlsplit(url)
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname=_database_name(url) if own_database else "postgres",
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def _manage(env, *arguments):
    subprocess.run(
        [sys.executable, "manage.py", *arguments], env=env, cwd=ROOT, check=True
    )


def prepare_database(env, url):
    """The test's own database, migrated and seeded once and kept."""
    with _admin_connection(url) as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [_database_name(url)]
        )
        fresh = cursor.fetchone() is None
        if fresh:
            cursor.execute(f'CREATE DATABASE "{_database_name(url)}"')
    try:
        _manage(env, "migrate", "--no-input", "-v0")
        if fresh:
            _manage(env, "seed_portal")
            _manage(
                env,
                "generate_bulk_data",
                "--meetings=40",
                "--documents=40",
                "--projects=300",
            )
    except subprocess.CalledProcessError:
        if fresh:
            with _admin_connection(url) as cursor:
                cursor.execute(f'DROP DATABASE "{_database_name(url)}"')
        raise


def server_env(database_url, redis_url, request_log):
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "REDIS_URL", "PAGE_CACHE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DJANGO_STATIC_ROOT=str(WORK / "static"),
        DJANGO_MEDIA_ROOT=str(WORK / "media"),
        MEETINGS_PRIVATE_ROOT=str(WORK / "private"),
        FAULTTEST_REQUEST_LOG=str(request_log),
    )
    return env


class StreamChecker(threading.Thread):
    """Fetches the streamed open data files in turn, counting any 200 cut short."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.stop = threading.Event()
        self.counts = Counter()

    def run(self):
        while not self.stop.is_set():
            for path in STREAMED:
                self.counts[self._check(path)] += 1

    def _check(self, path):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            headers={"X-Forwarded-Proto": "https"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            return f"{error.code // 100}xx"
        except OSError as error:
            return f"failed visibly ({type(error).__name__}: {error})"[:80]
        if path.endswith(".json"):
            try:
                json.loads(body)
            except ValueError:
                return "200 truncated"
        elif not body.endswith(b"\n") or body.count(b"\n") < 2:
            return "200 truncated"
        return "200 whole"


def read_requests(log_path):
    requests = []
    for line in log_path.read_text().splitlines():
        try:
            requests.append(json.loads(line))
        except ValueError:
            continue
    return requests


def judge(requests, moments, periods):
    """Counts by period and status class, and the 5xx not in flight at a fault."""
    table = {name: Counter() for name, _, _ in periods}
    unexcused = []
    for request in requests:
        period = next(
            (name for name, start, end in periods if start <= request["end"] < end),
            None,
        )
        status_class = f"{request['status'] // 100}xx"
        if period is not None:
            table[period][status_class] += 1
        if request["status"] >= 500:
            in_flight = any(
                request["start"] <= fault_end and request["end"] >= fault_start
                for _, fault_start, fault_end in moments
            )
            if not in_flight:
                unexcused.append(request)
            elif period is not None:
                table[period]["5xx in flight"] += 1
    return table, unexcused


def warm(port):
    for path in PATHS:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()


def main():
    started = time.monotonic()
    ensure_wrk()
    WORK.mkdir(parents=True, exist_ok=True)
    database_url = os.environ.get("FAULTTEST_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not database_url.startswith("postgres"):
        print("faulttest needs PostgreSQL: FAULTTEST_DATABASE_URL", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="faulttest-", dir=WORK))
    request_log = folder / "requests.jsonl"
    error_log = folder / "gunicorn.log"
    redis = RedisServer(folder)
    papers = PapersDisk(folder)
    env = server_env(database_url, redis.url, request_log)
    editor = None
    try:
        redis.start()
        print("Preparing the database and static files", flush=True)
        prepare_database(env, database_url)
        _manage(env, "collectstatic", "--no-input", "-v0")
        # After seeding, whose papers stay in the usual folder: the server's from
        # the start, the tmpfs holds only what the fault uploads.
        papers.mount()
        if papers.mounted:
            env["MEETINGS_PRIVATE_ROOT"] = str(papers.path)
            editor = create_editor(env, ROOT)
        # wrk keeps its connections alive: room for the checker's besides.
        config = GunicornConfig().for_connections(CONNECTIONS + 2)
        arguments = [
            *config.arguments(),
            "--config=python:bench.faulttest_hooks",
            "--capture-output",
        ]
        config_with_hooks = _Arguments(arguments)
        with gunicorn(env, config_with_hooks, error_log) as port:
            warm(port)
            request_log.write_text("")
            context = Context(env, database_url, redis, port, papers, editor)
            result = _run_under_faults(port, context)
    finally:
        redis.kill()
        papers.unmount()
    status = report(result, context, request_log, error_log, started)
    print(f"Logs in {folder.relative_to(ROOT)}")
    return status


@dataclass
class _Arguments:
    """gunicorn's arguments with the request-logging hooks added."""

    values: list

    def arguments(self):
        return self.values


def _run_under_faults(port, context):
    # Long enough for every fault and a quiet spell after them.
    seconds = int(REDIS_DOWN_SECONDS + SETTLE_SECONDS * 7 + DISK_FAULT_SECONDS + 3)
    outcome = {}

    def load():
        outcome["wrk"] = run_wrk(
            f"http://127.0.0.1:{port}",
            PATHS,
            seconds,
            CONNECTIONS,
            threads=2,
            timeout=10,
            tally=True,
        )

    loader = threading.Thread(target=load)
    checker = StreamChecker(port)
    loader.start()
    checker.start()
    periods = []
    begin = time.time()
    time.sleep(SETTLE_SECONDS)
    periods.append(("before any fault", begin, time.time()))
    for fault in FAULTS:
        print(f"Fault: {fault.name}", flush=True)
        fault_started = time.time()
        try:
            fault.inject(context)
        except Skipped as reason:
            print(f"  skipped: {reason}", flush=True)
        periods.append((fault.name, fault_started, time.time()))
    loader.join()
    checker.stop.set()
    checker.join(timeout=60)
    periods.append(("after the faults", periods[-1][2], time.time() + 60))
    return {"periods": periods, "checker": checker.counts, "wrk": outcome.get("wrk")}


def report(result, context, request_log, error_log, started):
    requests = read_requests(request_log)
    table, unexcused = judge(requests, context.moments, result["periods"])
    print(f"\n{'Period':36} {'2xx':>7} {'3xx':>6} {'4xx':>6} {'5xx':>6} in flight")
    for name, counts in table.items():
        total_5xx = counts["5xx"]
        print(
            f"{name:36} {counts['2xx']:>7} {counts['3xx']:>6} {counts['4xx']:>6} "
            f"{total_5xx:>6} {counts['5xx in flight']:>9}"
        )
    print(f"Streamed open data files: {dict(result['checker'])}")
    if result["wrk"] is not None:
        print(f"wrk's socket errors: {result['wrk'].errors}")
    cache_lines = [
        line
        for line in error_log.read_text(errors="replace").splitlines()
        if "portal.caching.backends" in line or "Cache '" in line
    ]
    tracebacks = error_log.read_text(errors="replace").count("Traceback")
    print(f"Cache log lines: {len(cache_lines)}; tracebacks in the log: {tracebacks}")
    for line in cache_lines:
        print(f"  {line[:160]}")
    minutes = round((time.monotonic() - started) / 60, 1)
    failures = []
    if unexcused:
        failures.append(f"{len(unexcused)} × 5xx outside the requests in flight")
        for request in unexcused[:10]:
            print(f"  5xx: {request}")
    if result["checker"]["200 truncated"]:
        failures.append(f"{result['checker']['200 truncated']} truncated files")
    if not requests:
        failures.append("no requests were logged")
    failures.extend(context.failures)
    print(f"\nfaulttest took {minutes} minutes.")
    if failures:
        print("FAIL  " + "; ".join(failures))
        return 1
    print(
        "PASS  no 5xx outside the requests in flight, no truncated file, "
        "nothing partial or lost on the full disk"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
