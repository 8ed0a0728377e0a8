import datetime
import os

import pytest
import time_machine
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from tests import database
from tests.factories import HomePageFactory

# Playwright's sync API runs an event loop in the test thread, which also uses the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests try the same examples on every run, so a run's result never depends
# on luck, and a slow example on a busy machine is not a failure.
hypothesis_settings.register_profile("portal", derandomize=True, deadline=None)
hypothesis_settings.load_profile("portal")

# A Thursday in winter (GMT), at 10:00: what the ``clock`` fixture stops at.
STOPPED_AT = datetime.datetime(2027, 1, 14, 10, 0, tzinfo=datetime.UTC)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHROMIUM_MISSING = (
    f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium` "
    "(or set CHROMIUM_PATH) to run the browser tests."
)


def pytest_collection_modifyitems(config, items):
    """Without Chromium, browser tests skip locally; in CI (``CI`` set) they fail."""
    if os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=CHROMIUM_MISSING))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(CHROMIUM_MISSING)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Where Playwright's pages are: ``page.goto("/faqs/")`` opens the live server's."""
    return live_server.url


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrated test database, and its snapshots (``tests/database.py``): the one
    taken now restores it for transactional tests, the seeded ones are made later."""
    with django_db_blocker.unblock():
        return database.Snapshots()


@pytest.fixture
def database_snapshots(django_db_setup):
    """For tests that restore a snapshot themselves, e.g. after moving the file
    folders: ``database.restore(database_snapshots.seeded())``."""
    return django_db_setup


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    marked = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    return marked or {"transactional_db", "live_server"} & set(request.fixturenames)


@pytest.fixture(autouse=True)
def transactional_tests_start_from_the_migrated_database(request):
    """A transactional test commits, and Django empties every table after it; each
    one starts from the database as migrations left it (root page, groups...)."""
    if _is_transactional(request):
        request.getfixturevalue("transactional_db")
        database.restore(request.getfixturevalue("django_db_setup").migrated)


@pytest.fixture
def clock():
    """The clock stopped at ``STOPPED_AT`` for the whole test, in every thread:
    ``timezone.now()``, ``date.today()`` and ``time.time()`` all read it. Move it with
    ``clock.shift(timedelta)`` or ``clock.move_to(datetime)``."""
    with time_machine.travel(STOPPED_AT, tick=False) as traveller:
        yield traveller


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    return settings


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as the database starts empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """A HomePage as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Home", slug="portal-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def strategy_site(db, django_db_setup):
    """The seeded strategy pages alone (``seed_portal``'s first step), restored from
    the snapshot made the first time a test asks: the home page is returned."""
    database.restore(django_db_setup.seeded("strategy"))
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def seeded_site(db, django_db_setup):
    """The whole seeded site (``seed_portal``: strategy, meetings and funding),
    restored from the snapshot made the first time a test asks: the home page."""
    database.restore(django_db_setup.seeded())
    return Site.objects.get(is_default_site=True).root_page.specific
