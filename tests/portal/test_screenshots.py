"""Screenshots for the README, taken by `make screenshots` into docs/screenshots.

In the normal test run they go to a temporary folder and only prove that the home page
and the admin render and that an editor can sign in.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from strategy.models import HomePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def screenshot_dir(tmp_path):
    folder = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_of_the_home_page_and_the_admin(
    page, live_server, seeded_site, screenshot_dir
):
    get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "a-long-pass-phrase"
    )
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(live_server.url + "/")
    assert "making our mark on the world" in page.locator("h1").inner_text()
    page.screenshot(path=screenshot_dir / "home.png", full_page=True)

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-pass-phrase")
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    home = HomePage.objects.get()
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=screenshot_dir / "admin.png")

    for name in ("home.png", "admin.png"):
        assert (screenshot_dir / name).read_bytes().startswith(PNG_SIGNATURE)
