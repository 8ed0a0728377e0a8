"""gunicorn in production mode for the benchmark, and a plain HTTP check of a page."""

import dataclasses
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class ServerError(RuntimeError):
    pass


@dataclass(frozen=True)
class GunicornConfig:
    """Chosen for 2 cores shared with wrk: see docs/benchmarks.md."""

    workers: int = 2
    threads: int = 4
    backlog: int = 2048
    keep_alive_seconds: int = 5
    connections: int = 1000

    def for_connections(self, connections):
        """This server for ``connections`` clients, an equal share for each worker.

        A worker otherwise takes every connection it wins the race to accept, and
        with keep-alive they stay: one worker could serve all of wrk's connections
        while the other idled, halving a run's figure by chance.
        """
        return dataclasses.replace(
            self, connections=max(1, -(-connections // self.workers))
        )

    def arguments(self):
        worker_class = "gthread" if self.threads > 1 else "sync"
        return [
            f"--workers={self.workers}",
            f"--threads={self.threads}",
            f"--worker-class={worker_class}",
            f"--worker-connections={self.connections}",
            f"--backlog={self.backlog}",
            f"--keep-alive={self.keep_alive_seconds}",
            "--timeout=60",
            "--no-control-socket",
            "--forwarded-allow-ips=127.0.0.1",
        ]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path, timeout=120):
    """One GET on a new connection, sent as the TLS proxy in front would send it:
    the status and the page cache's ``X-Cache`` header ("hit", "miss" or "")."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Cache", "")
    finally:
        connection.close()


def require_ok(port, path, timeout=300):
    try:
        status, cache = fetch(port, path, timeout)
    except OSError as error:
        raise ServerError(f"{path} did not answer in {timeout} s: {error}") from error
    if status != 200:
        raise ServerError(
            f"{path} answered {status}, expected 200: the benchmark measures only "
            "pages that work."
        )
    return cache


def warm_page_cache(port, path, hits_in_a_row=8, most_requests=40):
    """Request ``path`` one at a time until every worker has it in its page cache.

    Each worker keeps its own cache (unless REDIS_URL shares one), and a new
    connection goes to any worker, so a run of hits means all have it. Warming one
    request at a time spares a slow page (a search over 100,000 records) from being
    rendered by every thread at once when measuring starts. A response the cache
    does not keep (no ``X-Cache`` header, or never a hit) ends the warming early.
    """
    hits = misses = 0
    for _ in range(most_requests):
        cache = require_ok(port, path)
        if cache == "hit":
            hits += 1
            if hits == hits_in_a_row:
                return
        elif cache == "miss":
            hits = 0
            misses += 1
            if misses == hits_in_a_row:
                return
        else:
            return


@contextmanager
def gunicorn(env, config, log_path, ready_path="/"):
    """Serve the portal on a free port until the block ends; yields the port."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--error-logfile={log_path}",
        *config.arguments(),
    ]
    # Its own process group, so that no worker outlives the benchmark.
    process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    try:
        _wait_until_serving(process, port, ready_path, log_path)
        yield port
    finally:
        _stop(process)


def _stop(process):
    """Quick shutdown (SIGINT): workers drop the requests still queued from the last
    measurement instead of finishing them."""
    for signal_number, wait_seconds in ((signal.SIGINT, 15), (signal.SIGKILL, 15)):
        try:
            os.killpg(process.pid, signal_number)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait_seconds)
        except subprocess.TimeoutExpired:
            continue
        # Workers exit just after the master: wait for the whole group.
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


def _wait_until_serving(process, port, path, log_path, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"gunicorn exited: see {log_path}\n{_tail(log_path)}")
        try:
            fetch(port, path, timeout=5)
            return
        except OSError:
            time.sleep(0.2)
    raise ServerError(f"gunicorn did not answer in {seconds} s: see {log_path}")


def _tail(path, lines=20):
    try:
        return "\n".join(Path(path).read_text().splitlines()[-lines:])
    except OSError:
        return ""
