"""`python -m bench.run bench` and `python -m bench.run loadtest` (`make bench`,
`make loadtest`): see docs/benchmarks.md."""

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench import databases, machine, report
from bench.pages import STATIC
from bench.server import (
    GunicornConfig,
    ServerError,
    gunicorn,
    require_ok,
    warm_page_cache,
)
from bench.wrk import WrkError, ensure_wrk, run_wrk

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LOGS = databases.LOGS
# Uncached renders saturate the server's 8 threads with 8 connections: more would only
# queue, and leave slow requests running into the next page's measurement.
CONNECTIONS = {"cached": 32, "uncached": 8}
ROUNDS = 3
WRK_THREADS = 2
WRK_TIMEOUT_SECONDS = 60
LOADTEST_CONNECTIONS = 200
LOADTEST_TIMEOUT_SECONDS = 10


class BenchError(RuntimeError):
    pass


def probe(phase):
    """The pages with their paths and SQL queries per uncached render."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.probe"],
        env=phase.env(PAGE_CACHE_SECONDS="0"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BenchError(f"Counting queries failed:\n{completed.stderr.strip()}")
    return json.loads(completed.stdout)["pages"]


def measure(port, path, seconds, mode, label, warm_up=True):
    """wrk's result for one path, after a warm-up; fails on any error response."""
    url = f"http://127.0.0.1:{port}"
    connections = CONNECTIONS[mode]
    durations = [seconds]
    if warm_up:
        if mode == "cached":
            warm_page_cache(port, path)
        else:
            require_ok(port, path)
        # A short run first: new connections, and for uncached pages, warm workers.
        durations.insert(0, 1)
    for duration in durations:
        result = run_wrk(
            url, [path], duration, connections, WRK_THREADS, WRK_TIMEOUT_SECONDS
        )
    if result.socket_errors or result.errors.get("status"):
        raise BenchError(f"{label} {path}: wrk reported errors {result.errors}")
    return result.as_dict()


def measure_in_turns(ports, paths, seconds, mode, label):
    """Each phase's median of ROUNDS runs of ``paths[phase]``, the phases taking turns.

    A machine's speed drifts (other tenants, the CPU's clock): small and bulk data
    measured minutes apart differed by a quarter for the same page, which hid any
    real difference. Run in turns, both see the same machine.
    """
    runs = {name: [] for name in ports}
    for round_number in range(ROUNDS):
        for name, port in ports.items():
            runs[name].append(
                measure(port, paths[name], seconds, mode, label, round_number == 0)
            )
    medians = {}
    for name, results in runs.items():
        median = medians[name] = median_run(results)
        rates = median["rounds"]
        latency = (
            f"p50 {median['p50_ms']:6.1f} ms  p99 {median['p99_ms']:6.1f} ms"
            if median["requests"]
            else f"no request finished in {seconds} s"
        )
        runs_text = ", ".join(f"{rate:,.0f}" for rate in rates)
        print(
            f"  {label:<20} {name:<5} {median['requests_per_second']:>7,.0f} req/s  "
            f"{latency}  (runs: {runs_text})",
            flush=True,
        )
    return medians


def median_run(results):
    """The run with the median rate (its latencies with it), and every run's rate."""
    median = sorted(results, key=lambda r: r["requests_per_second"])[len(results) // 2]
    return {**median, "rounds": [result["requests_per_second"] for result in results]}


def measure_phases(phases, seconds, config):
    """Cached, then uncached: both phases' servers up at once, every page measured
    on each in turns."""
    measured = {}
    for phase in phases:
        pages = probe(phase)
        static = next(page for page in pages if page["name"] == STATIC)
        measured[phase.name] = {
            "build": phase.build_info(),
            "static": {"path": static["path"]},
            "pages": [page for page in pages if page["name"] != STATIC],
        }
    LOGS.mkdir(parents=True, exist_ok=True)
    for mode, extra_env in (("cached", {}), ("uncached", {"PAGE_CACHE_SECONDS": "0"})):
        print(f"{mode} pages, median of {ROUNDS} runs of {seconds} s:", flush=True)
        server = config.for_connections(CONNECTIONS[mode])
        with contextlib.ExitStack() as servers:
            ports = {
                phase.name: servers.enter_context(
                    gunicorn(
                        phase.env(**extra_env),
                        server,
                        LOGS / f"gunicorn-{phase.name}-{mode}.log",
                        measured[phase.name]["static"]["path"],
                    )
                )
                for phase in phases
            }
            if mode == "cached":
                statics = {name: data["static"] for name, data in measured.items()}
                paths = {name: static["path"] for name, static in statics.items()}
                for name, result in measure_in_turns(
                    ports, paths, seconds, mode, STATIC
                ).items():
                    statics[name].update(result)
            for same_page in zip(
                *(data["pages"] for data in measured.values()), strict=True
            ):
                pages = dict(zip(measured, same_page, strict=True))
                paths = {name: page["path"] for name, page in pages.items()}
                label = same_page[0]["name"]
                for name, result in measure_in_turns(
                    ports, paths, seconds, mode, label
                ).items():
                    pages[name][mode] = result
    return measured


def utc_stamp():
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())


def bulk_sizes(arguments):
    return databases.BulkSizes(
        arguments.meetings, arguments.documents, arguments.projects
    )


def run_bench(arguments):
    started = time.monotonic()
    ensure_wrk()
    store = databases.databases_for(os.environ.get("DATABASE_URL", ""))
    sizes = bulk_sizes(arguments)
    small, bulk = databases.prepare(store, sizes)
    databases.collectstatic(small)
    config = GunicornConfig()
    results = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine.describe(store.describe()),
        "settings": {
            "seconds_per_run": arguments.seconds,
            "runs_per_page": ROUNDS,
            "wrk_connections": CONNECTIONS,
            "wrk_timeout_seconds": WRK_TIMEOUT_SECONDS,
            "wrk_threads": WRK_THREADS,
            "gunicorn": {
                mode: config.for_connections(count).arguments()
                for mode, count in CONNECTIONS.items()
            },
            "small_sizes": vars(databases.SMALL_SIZES),
            "bulk_sizes": vars(sizes),
        },
    }
    results["phases"] = measure_phases((small, bulk), arguments.seconds, config)
    results["minutes"] = round((time.monotonic() - started) / 60, 1)
    checks = report.check_goals(results)
    print(report.format_table(results))
    print(report.format_goals(checks))
    path = report.write_json(results, checks, RESULTS / f"{utc_stamp()}.json")
    print(f"\nWrote {path.relative_to(ROOT)} ({results['minutes']} minutes).")
    return 0


def run_loadtest(arguments):
    ensure_wrk()
    store = databases.databases_for(os.environ.get("DATABASE_URL", ""))
    _, bulk = databases.prepare(store, bulk_sizes(arguments))
    databases.collectstatic(bulk)
    pages = probe(bulk)
    paths = [page["path"] for page in pages]
    config = GunicornConfig().for_connections(arguments.connections)
    LOGS.mkdir(parents=True, exist_ok=True)
    print(
        f"Load test: {arguments.connections} connections for {arguments.seconds} s "
        f"over {len(paths)} public pages (bulk data), timeout "
        f"{LOADTEST_TIMEOUT_SECONDS} s",
        flush=True,
    )
    log_path = LOGS / "gunicorn-loadtest.log"
    with gunicorn(bulk.env(), config, log_path, paths[-1]) as port:
        # A site under load has its pages cached: see warm_page_cache.
        for path in paths:
            warm_page_cache(port, path)
        result = run_wrk(
            f"http://127.0.0.1:{port}",
            paths,
            arguments.seconds,
            arguments.connections,
            WRK_THREADS,
            timeout=LOADTEST_TIMEOUT_SECONDS,
            tally=True,
        )
    summary = report.loadtest_summary(result)
    print(report.format_loadtest(summary))
    data = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine.describe(store.describe()),
        "settings": {
            "connections": arguments.connections,
            "seconds": arguments.seconds,
            "timeout_seconds": LOADTEST_TIMEOUT_SECONDS,
            "gunicorn": config.arguments(),
            "paths": paths,
        },
        **summary,
    }
    path = RESULTS / f"loadtest-{utc_stamp()}.json"
    path.write_text(json.dumps(data, indent=2) + "\n")
    print(f"Wrote {path.relative_to(ROOT)}.")
    return 0 if summary["passed"] else 1


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    bench = commands.add_parser("bench", help="measure the pages (make bench)")
    bench.add_argument(
        "--seconds",
        type=int,
        default=int(os.environ.get("BENCH_SECONDS") or 3),
        help=f"each of wrk's {ROUNDS} runs per page, phase and mode, in seconds "
        "(default: BENCH_SECONDS or 3)",
    )
    loadtest = commands.add_parser("loadtest", help="200 connections (make loadtest)")
    loadtest.add_argument("--seconds", type=int, default=60)
    loadtest.add_argument("--connections", type=int, default=LOADTEST_CONNECTIONS)
    for command in (bench, loadtest):
        defaults = databases.BulkSizes()
        for name in ("meetings", "documents", "projects"):
            command.add_argument(
                f"--{name}", type=int, default=getattr(defaults, name), help="bulk size"
            )
    return parser.parse_args(argv)


def _interrupt(signal_number, frame):
    raise KeyboardInterrupt


def main(argv=None):
    arguments = parse_arguments(argv)
    command = run_bench if arguments.command == "bench" else run_loadtest
    # Ctrl-C, a kill or a closed terminal still runs the clean-up that stops gunicorn,
    # even when started in the background (where SIGINT would be ignored).
    for signal_number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signal_number, _interrupt)
    try:
        return command(arguments)
    except KeyboardInterrupt:
        print(f"\n{arguments.command} interrupted.", file=sys.stderr)
        return 130
    except (BenchError, ServerError, WrkError) as error:
        print(f"\n{arguments.command} failed: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"\n{error.output or ''}", file=sys.stderr)
        print(f"{arguments.command} failed: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
