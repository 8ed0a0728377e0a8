import os

import pytest
from django.core.cache import cache
from django.db import connections
from wagtail.models import Page, Site

from tests.factories import HomePageFactory

# Playwright's sync API runs an event loop in the test thread, which also uses the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


_SERIALIZED_DATABASES = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            _SERIALIZED_DATABASES[alias] = contents


@pytest.hookimpl(tryfirst=True)
def pytest_fixture_setup(fixturedef, request):
    """Give serialized_rollback its saved database in browser tests too.

    Playwright's event loop gives the test a new Django connection object, without
    the copy of the migrated database (root page, groups) that Django keeps on the
    first one to restore after a transactional test empties the tables.
    """
    if fixturedef.argname == "_django_db_helper":
        for alias, contents in _SERIALIZED_DATABASES.items():
            if not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents


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
def strategy_site(db):
    """The seeded strategy pages, without the slower meetings and funding examples."""
    from strategy.seed import seed

    seed(log=lambda message: None)
