from bench.server import GunicornConfig


def test_each_gunicorn_worker_takes_an_equal_share_of_the_connections():
    config = GunicornConfig(workers=2)
    assert "--worker-connections=4" in config.for_connections(8).arguments()
    assert "--worker-connections=17" in config.for_connections(33).arguments()
