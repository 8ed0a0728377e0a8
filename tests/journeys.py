"""Staff journeys in Chromium: signing in as new staff do, and the guides' screenshots.

A journey starts where a new member of staff starts: a username and password given by
an administrator, and production's two-factor sign-in. The first sign-in adds an
authenticator app by typing the key the page shows, as someone without a phone camera
would; later sign-ins enter the app's current code.

``make screenshots`` sets ``SCREENSHOT_DIR`` and the journeys save the pictures the
guides in ``docs/guides/`` show; in the normal test run they go to a temporary folder.
"""

import os
import time
from base64 import b32decode
from pathlib import Path

from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from playwright.sync_api import expect

STAFF_PASSWORD = "a long and unguessable passphrase"


def create_staff(django_user_model, username, *groups, superuser=False):
    """An account in ``groups`` (by name), as an administrator would add it."""
    if superuser:
        return django_user_model.objects.create_superuser(
            username, f"{username}@nelep.test", STAFF_PASSWORD
        )
    user = django_user_model.objects.create_user(
        username, f"{username}@nelep.test", STAFF_PASSWORD
    )
    user.groups.set([Group.objects.get(name=name) for name in groups])
    return user


def current_code(secret, at=None):
    """The code an authenticator app shows for ``secret`` (as typed, base32), now or
    at the Unix time ``at``."""
    key = secret.replace(" ", "").upper()
    key = b32decode(key + "=" * (-len(key) % 8))
    code = TOTP(key, step=30, t0=0, digits=6)
    code.time = time.time() if at is None else at
    return f"{code.token():06d}"


class StaffBrowser:
    """One member of staff's browser session in a journey."""

    def __init__(self, page, base_url, username):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.username = username
        self.secret = None
        self.last_step = None

    def go(self, path):
        self.page.goto(self.base_url + path)

    def sign_in(self):
        """Password, then the code: adding the app at the first sign-in."""
        page = self.page
        self.go("/admin/login/")
        page.get_by_label("Username").fill(self.username)
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/**")
        if "/two-factor/setup/" in page.url:
            self.secret = page.locator(".two-factor-secret").inner_text()
            self._enter_code("Turn on two-factor authentication")
        elif "/two-factor/verify/" in page.url:
            self._enter_code("Continue")
        expect(page.locator("#wagtail-sidebar")).to_be_attached()

    def _enter_code(self, button):
        # A code is accepted once, and the device also takes the next step's code, as
        # from an app whose clock runs a little ahead: a second sign-in in the same
        # 30 seconds types that one instead of waiting.
        step = max(int(time.time() // 30), (self.last_step or 0) + 1)
        if step > time.time() // 30 + 1:
            time.sleep(30 - time.time() % 30 + 0.5)
            step = int(time.time() // 30)
        self.last_step = step
        self.page.get_by_label("Code").fill(current_code(self.secret, at=step * 30))
        self.page.get_by_role("button", name=button).click()
        self.page.wait_for_url(lambda url: "/two-factor/" not in url)

    def open_menu(self, *labels):
        """Follow the admin's main menu, as staff find things: e.g. Meetings, Papers."""
        sidebar = self.page.locator("#wagtail-sidebar")
        for label in labels[:-1]:
            sidebar.get_by_role("button", name=label, exact=True).click()
        sidebar.get_by_role("link", name=labels[-1], exact=True).click()
        self.page.wait_for_load_state("load")

    def screenshot(self, name, full_page=False):
        """Save a picture for the guides as ``name``.png (see the module docstring)."""
        folder = Path(os.environ.get("SCREENSHOT_DIR") or _temporary_folder())
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=folder / f"{name}.png", full_page=full_page)


def _temporary_folder():
    import tempfile

    return tempfile.mkdtemp(prefix="journey-screenshots-")
