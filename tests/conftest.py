import os

import pytest
from wagtail.models import Page, Site

from tests.factories import HomePageFactory

# Playwright's sync API runs an event loop in the test thread; the tests still use the ORM.
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


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Home", slug="portal-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home
