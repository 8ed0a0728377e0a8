"""The benchmark's table, its goals and its JSON file: pure functions of the results.

``results`` is the dict written to ``bench/results/<UTC timestamp>.json``::

    {"phases": {"small": PHASE, "bulk": PHASE}, "machine": {...}, "settings": {...}}
    PHASE = {"static": {"path": ..., "requests_per_second": ..., "p50_ms": ...,
                        "p99_ms": ...},
             "pages": [{"name": ..., "path": ..., "queries": ..., "rows": ...,
                        "cached": MEASURE, "uncached": MEASURE}, ...]}
"""

import json
from dataclasses import dataclass, field

CACHED_GOAL = 0.5
UNCACHED_GOAL = 0.05
LARGEST_DROP = 0.10
MODES = ("cached", "uncached")
SOCKET_ERRORS = ("connect", "read", "write", "timeout")
STATUS_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


@dataclass
class GoalCheck:
    goal: str
    failures: list = field(default_factory=list)

    @property
    def passed(self):
        return not self.failures

    def as_dict(self):
        return {"goal": self.goal, "passed": self.passed, "failures": self.failures}


def ratio_to_static(phase, page, mode):
    static = phase["static"]["requests_per_second"]
    return page[mode]["requests_per_second"] / static if static else 0.0


def check_goals(results):
    phases = results["phases"]
    cached = GoalCheck(
        f"Cached anonymous pages serve at least {CACHED_GOAL:.0%} of the static "
        "file's requests per second"
    )
    uncached = GoalCheck(
        f"Uncached renders serve at least {UNCACHED_GOAL:.0%} of the static file's "
        "requests per second"
    )
    for phase_name, phase in phases.items():
        for page in phase["pages"]:
            for check, mode, goal in (
                (cached, "cached", CACHED_GOAL),
                (uncached, "uncached", UNCACHED_GOAL),
            ):
                ratio = ratio_to_static(phase, page, mode)
                if ratio < goal:
                    check.failures.append(
                        f"{page['name']} ({phase_name} data): {ratio:.1%}"
                    )
    checks = [cached, uncached]
    if "small" in phases and "bulk" in phases:
        checks.append(_check_drop(phases["small"], phases["bulk"]))
    return checks


def _check_drop(small, bulk):
    """Each page against itself showing as many rows: only the data behind it grew."""
    check = GoalCheck(
        f"No page's throughput falls by more than {LARGEST_DROP:.0%} from the small "
        "data to the bulk data, showing as many rows"
    )
    bulk_pages = {page["name"]: page for page in bulk["pages"]}
    for page in small["pages"]:
        bulk_page = bulk_pages.get(page["name"])
        if bulk_page is None:
            check.failures.append(f"{page['name']}: not measured on the bulk data")
            continue
        if page.get("rows") != bulk_page.get("rows"):
            check.failures.append(
                f"{page['name']}: shows {page.get('rows')} rows on the small data and "
                f"{bulk_page.get('rows')} on the bulk data, so cannot be compared"
            )
            continue
        for mode in MODES:
            before = page[mode]["requests_per_second"]
            after = bulk_page[mode]["requests_per_second"]
            drop = 1 - after / before if before else 0.0
            if drop > LARGEST_DROP:
                check.failures.append(f"{page['name']} ({mode}): down {drop:.0%}")
    return check


COLUMNS = [
    ("Page", 18, "<"),
    ("SQL", 4, ">"),
    ("Rows", 4, ">"),
    ("cached req/s", 12, ">"),
    ("p50 ms", 7, ">"),
    ("p99 ms", 7, ">"),
    ("×static", 7, ">"),
    ("uncached req/s", 14, ">"),
    ("p50 ms", 7, ">"),
    ("p99 ms", 7, ">"),
    ("×static", 7, ">"),
]


def _row(values):
    return "  ".join(
        f"{value:{align}{width}}"
        for value, (_, width, align) in zip(values, COLUMNS, strict=True)
    )


def _measure_cells(phase, page, mode):
    measure = page[mode]
    # No request finished within the measurement: there is no latency to show.
    finished = measure.get("requests", 1) > 0
    return [
        f"{measure['requests_per_second']:,.0f}",
        f"{measure['p50_ms']:.1f}" if finished else "–",
        f"{measure['p99_ms']:.1f}" if finished else "–",
        f"{ratio_to_static(phase, page, mode):.2f}",
    ]


def format_table(results):
    lines = []
    for phase_name, phase in results["phases"].items():
        static = phase["static"]
        lines += [
            "",
            f"{phase_name.capitalize()} data — static file {static['path']}: "
            f"{static['requests_per_second']:,.0f} req/s, p50 {static['p50_ms']:.1f} "
            f"ms, p99 {static['p99_ms']:.1f} ms",
            _row([title for title, _, _ in COLUMNS]),
        ]
        for page in phase["pages"]:
            lines.append(
                _row(
                    [page["name"][:18], str(page["queries"]), str(page.get("rows", ""))]
                    + _measure_cells(phase, page, "cached")
                    + _measure_cells(phase, page, "uncached")
                )
            )
    return "\n".join(lines)


def format_goals(checks):
    lines = [""]
    for check in checks:
        lines.append(f"{'PASS' if check.passed else 'FAIL'}  {check.goal}")
        lines += [f"      {failure}" for failure in check.failures]
    return "\n".join(lines)


def write_json(results, checks, path):
    data = {**results, "goals": [check.as_dict() for check in checks]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path


def loadtest_summary(result):
    """Status classes and socket errors of a load test; it passes with no 5xx and no
    socket error."""
    server_errors = result.status.get("5xx", 0)
    return {
        "requests": result.requests,
        "requests_per_second": round(result.requests_per_second, 1),
        "p50_ms": round(result.p50_ms, 2),
        "p99_ms": round(result.p99_ms, 2),
        "status": result.status,
        "socket_errors": {kind: result.errors.get(kind, 0) for kind in SOCKET_ERRORS},
        "passed": server_errors == 0 and result.socket_errors == 0,
    }


def format_loadtest(summary):
    status = summary["status"]
    errors = summary["socket_errors"]
    return "\n".join(
        [
            f"{summary['requests']:,} requests, {summary['requests_per_second']:,.0f} "
            f"req/s, p50 {summary['p50_ms']:.1f} ms, p99 {summary['p99_ms']:.1f} ms",
            "Responses: "
            + ", ".join(f"{name} {status.get(name, 0):,}" for name in STATUS_CLASSES),
            "Socket errors: "
            + ", ".join(f"{name} {count:,}" for name, count in errors.items()),
            "PASS: no 5xx response and no socket error"
            if summary["passed"]
            else "FAIL: 5xx responses or socket errors (see above)",
        ]
    )
