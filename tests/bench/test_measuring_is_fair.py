from bench.run import median_run
from bench.server import GunicornConfig


def test_each_gunicorn_worker_takes_an_equal_share_of_the_connections():
    config = GunicornConfig(workers=2)
    assert "--worker-connections=4" in config.for_connections(8).arguments()
    assert "--worker-connections=17" in config.for_connections(33).arguments()


def test_a_page_counts_its_median_run_with_that_runs_latencies():
    runs = [
        {"requests_per_second": 300.0, "p50_ms": 9.0},
        {"requests_per_second": 100.0, "p50_ms": 30.0},
        {"requests_per_second": 250.0, "p50_ms": 11.0},
    ]
    assert median_run(runs) == {
        "requests_per_second": 250.0,
        "p50_ms": 11.0,
        "rounds": [300.0, 100.0, 250.0],
    }
