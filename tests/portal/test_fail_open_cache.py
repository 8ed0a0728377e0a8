"""Without its cache the site keeps serving: pages built afresh, sessions from the
database, rate-limited forms refused politely, and everything back when Redis is."""

import logging
import subprocess
import threading
import time
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from wagtail.models import Site

from portal.caching import backends
from portal.models import SiteSettings
from strategy.models import StandardPage
from subscriptions.models import MailingListSubscriber

pytestmark = pytest.mark.django_db

OPTIONS = {
    "SOCKET_CONNECT_TIMEOUT": 0.5,
    "SOCKET_TIMEOUT": 0.5,
}


def redis_caches(socket_path):
    """A Unix socket of the test's own: a TCP port, even one found free, can be taken
    by another test worker's server before Redis binds it."""
    return {
        "default": {
            "BACKEND": "portal.caching.backends.FailOpenRedisCache",
            "LOCATION": f"unix://{socket_path}?db=0",
            "KEY_PREFIX": "fail-open-test",
            "OPTIONS": OPTIONS,
        }
    }


@contextmanager
def redis_server(socket_path, folder):
    """A Redis of this test's own that keeps its data on disk across a kill."""
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            "0",
            "--unixsocket",
            str(socket_path),
            "--save",
            "",
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not socket_path.exists():
            assert process.poll() is None, "redis-server did not start"
            assert time.monotonic() < deadline, "redis-server did not open its socket"
            time.sleep(0.05)
        yield process
    finally:
        process.kill()
        process.wait()


@pytest.fixture(autouse=True)
def no_outage_of_earlier_tests():
    backends._outages.clear()
    yield
    backends._outages.clear()


@pytest.fixture
def unreachable_cache(settings, page_cache, tmp_path):
    settings.CACHES = redis_caches(tmp_path / "nothing-listens-here.sock")
    return cache


@pytest.fixture(autouse=True)
def site_settings(home_page):
    """Created on the first page view otherwise, which is a change like any other."""
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def about(home_page):
    page = StandardPage(title="About us", slug="about", body="[]")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def cache_log_lines(caplog):
    records = caplog.get_records("setup") + caplog.get_records("call")
    return [record for record in records if record.name == backends.__name__]


def test_an_unreachable_cache_misses_and_drops_writes_without_raising(
    unreachable_cache, caplog
):
    caplog.set_level(logging.WARNING, logger=backends.__name__)

    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("key", 1) is False
    assert cache.add("key", 1) is False
    assert cache.incr("key") is None
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    assert backends.unavailable()
    [line] = cache_log_lines(caplog)
    assert "unreachable" in line.getMessage() and line.exc_info is None


def test_public_pages_and_the_admin_are_served_without_the_cache(
    unreachable_cache, about, client, admin_user, caplog
):
    caplog.set_level(logging.WARNING, logger=backends.__name__)

    for _ in range(5):
        response = client.get("/about/")
        assert response.status_code == 200
        assert b"About us" in response.content
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert client.get("/sitemap.xml").status_code == 200

    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
    # One line about the outage, not one per request.
    assert len(cache_log_lines(caplog)) == 1


def test_a_rate_limited_form_is_refused_with_503_and_retry_after(
    unreachable_cache, home_page, client
):
    response = client.post(
        "/subscriptions/mailing-list/", {"email": "someone@example.org"}
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert b"Please try again in a minute" in response.content
    assert not MailingListSubscriber.objects.exists()


def test_sessions_do_not_live_in_the_cache(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_killing_and_restarting_redis_serves_throughout_and_recovers(
    settings, page_cache, about, client, tmp_path, caplog, monkeypatch
):
    monkeypatch.setattr(backends, "RETRY_SECONDS", 0.2)
    caplog.set_level(logging.WARNING, logger=backends.__name__)
    socket_path = tmp_path / "redis.sock"
    settings.CACHES = redis_caches(socket_path)
    try:
        with redis_server(socket_path, tmp_path) as redis:
            assert client.get("/about/")["X-Cache"] == "miss"
            assert client.get("/about/")["X-Cache"] == "hit"
            redis.kill()
            redis.wait()

            down = client.get("/about/")
            assert down.status_code == 200 and b"About us" in down.content
            # Published while Redis is down: the raised version is lost with it.
            about.title = "About the partnership"
            about.save_revision().publish()
            assert b"About the partnership" in client.get("/about/").content

        with redis_server(socket_path, tmp_path):
            time.sleep(0.3)
            client.get("/")  # the first call after the outage ends it
            after = client.get("/about/")
            assert after.status_code == 200
            assert b"About the partnership" in after.content
            assert not backends.unavailable()
            assert client.get("/about/")["X-Cache"] == "hit"
    finally:
        settings.CACHES = redis_caches(tmp_path / "stopped.sock")
    messages = [line.getMessage() for line in cache_log_lines(caplog)]
    assert len(messages) == 2, messages
    assert "unreachable" in messages[0] and "reachable again" in messages[1]


def test_threads_of_a_process_share_one_outage_and_one_log_line(
    unreachable_cache, caplog
):
    caplog.set_level(logging.WARNING, logger=backends.__name__)

    def read():
        from django.core.cache import caches

        assert caches["default"].get("key", "default") == "default"

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(cache_log_lines(caplog)) == 1
