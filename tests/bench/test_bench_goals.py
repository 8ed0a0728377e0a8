import json

from bench.report import (
    check_goals,
    format_goals,
    format_loadtest,
    format_table,
    loadtest_summary,
    write_json,
)
from bench.wrk import WrkResult


def measure(requests_per_second):
    return {"requests_per_second": requests_per_second, "p50_ms": 5.0, "p99_ms": 9.0}


def phase(static, pages, rows=25):
    return {
        "static": {"path": "/static/css/portal.css", **measure(static)},
        "pages": [
            {
                "name": name,
                "path": f"/{name.lower()}/",
                "queries": 7,
                "rows": rows,
                "cached": measure(cached),
                "uncached": measure(uncached),
            }
            for name, cached, uncached in pages
        ],
    }


def goals_by_start(results):
    return {check.goal.split(" ")[0]: check for check in check_goals(results)}


def test_pages_that_meet_every_goal_pass():
    results = {
        "phases": {
            "small": phase(1000, [("Home", 600, 60), ("FAQs", 500, 50)]),
            "bulk": phase(1000, [("Home", 600, 55), ("FAQs", 500, 50)]),
        }
    }
    checks = check_goals(results)

    assert [check.passed for check in checks] == [True, True, True]
    assert format_goals(checks).count("PASS") == 3


def test_a_cached_page_under_half_the_static_file_fails_and_is_named():
    results = {"phases": {"small": phase(1000, [("Home", 600, 60), ("FAQs", 499, 50)])}}

    cached = goals_by_start(results)["Cached"]

    assert not cached.passed
    assert cached.failures == ["FAQs (small data): 49.9%"]


def test_an_uncached_render_under_5_percent_of_the_static_file_fails():
    results = {"phases": {"bulk": phase(2000, [("Search", 1500, 99)])}}

    uncached = goals_by_start(results)["Uncached"]

    assert uncached.failures == ["Search (bulk data): 5.0%"]


def test_a_drop_over_10_percent_from_small_to_bulk_data_fails():
    results = {
        "phases": {
            "small": phase(1000, [("Home", 600, 100)]),
            "bulk": phase(1000, [("Home", 600, 89)]),
        }
    }

    drop = goals_by_start(results)["No"]

    assert drop.failures == ["Home (uncached): down 11%"]


def test_a_page_showing_more_rows_on_the_bulk_data_is_not_compared():
    results = {
        "phases": {
            "small": phase(1000, [("Projects", 600, 100)], rows=4),
            "bulk": phase(1000, [("Projects", 600, 100)], rows=25),
        }
    }

    drop = goals_by_start(results)["No"]

    assert drop.failures == [
        "Projects: shows 4 rows on the small data and 25 on the bulk data, so cannot "
        "be compared"
    ]


def test_a_drop_of_10_percent_or_less_passes():
    results = {
        "phases": {
            "small": phase(1000, [("Home", 600, 100)]),
            "bulk": phase(1000, [("Home", 540, 90)]),
        }
    }

    assert goals_by_start(results)["No"].passed


def test_the_table_shows_each_page_with_its_queries_and_ratios():
    results = {"phases": {"small": phase(1000, [("Home", 600, 60)])}}

    table = format_table(results)

    assert "Small data — static file /static/css/portal.css: 1,000 req/s" in table
    home = next(line for line in table.splitlines() if line.startswith("Home"))
    assert home.split() == ["Home", "7", "25", "600", "5.0", "9.0", "0.60"] + [
        "60",
        "5.0",
        "9.0",
        "0.06",
    ]


def test_the_json_file_holds_the_results_and_the_goals(tmp_path):
    results = {"phases": {"small": phase(1000, [("Home", 400, 60)])}}

    path = write_json(results, check_goals(results), tmp_path / "run.json")

    data = json.loads(path.read_text())
    assert data["phases"]["small"]["pages"][0]["name"] == "Home"
    assert [goal["passed"] for goal in data["goals"]] == [False, True]


def load(status, **errors):
    return WrkResult(
        requests=12000,
        seconds=60.0,
        p50_ms=40.0,
        p99_ms=900.0,
        errors={"connect": 0, "read": 0, "write": 0, "timeout": 0, **errors},
        status={"1xx": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, **status},
    )


def test_a_load_test_with_only_successes_passes():
    summary = loadtest_summary(load({"2xx": 11990, "4xx": 10}))

    assert summary["passed"]
    assert "4xx 10" in format_loadtest(summary)
    assert format_loadtest(summary).endswith(
        "PASS: no 5xx response and no socket error"
    )


def test_one_server_error_fails_the_load_test():
    assert not loadtest_summary(load({"2xx": 11999, "5xx": 1}))["passed"]


def test_one_socket_timeout_fails_the_load_test():
    summary = loadtest_summary(load({"2xx": 12000}, timeout=1))

    assert not summary["passed"]
    assert "timeout 1" in format_loadtest(summary)


def test_a_page_with_no_finished_request_shows_no_latency():
    results = {"phases": {"bulk": phase(1000, [("Search", 600, 0)])}}
    results["phases"]["bulk"]["pages"][0]["uncached"]["requests"] = 0

    search = format_table(results).splitlines()[-1]

    assert search.split()[-4:] == ["0", "–", "–", "0.00"]
