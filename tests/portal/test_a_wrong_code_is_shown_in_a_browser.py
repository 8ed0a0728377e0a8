"""A wrong authenticator code is said plainly on screen, with the tries left."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.journeys import STAFF_PASSWORD, create_staff, current_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def not_the(code):
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.fixture
def staff(live_server, settings, django_user_model):
    settings.PORTAL_REQUIRE_2FA = True
    settings.AXES_FAILURE_LIMIT = 5
    return create_staff(django_user_model, "comms", "Communications")


def sign_in_with_password(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("comms")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/**")


def test_a_wrong_code_when_adding_an_app_is_shown_with_the_tries_left(
    page, live_server, staff
):
    sign_in_with_password(page, live_server)
    assert "/two-factor/setup/" in page.url
    secret = page.locator(".two-factor-secret").inner_text()

    page.get_by_label("Code").fill(not_the(current_code(secret)))
    page.get_by_role("button", name="Turn on two-factor authentication").click()

    said = page.get_by_role("status").get_by_text("That code is not right")
    expect(said).to_be_visible()
    expect(said).to_contain_text("4 tries left before sign-in is locked")


def test_a_wrong_code_when_signing_in_is_shown_with_the_tries_left(
    page, live_server, staff
):
    app = TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)
    sign_in_with_password(page, live_server)
    assert "/two-factor/verify/" in page.url

    right = f"{totp(app.bin_key, step=app.step, t0=app.t0):06d}"
    page.get_by_label("Code").fill(not_the(right))
    page.get_by_role("button", name="Continue").click()

    said = page.get_by_role("status").get_by_text("That code is not right")
    expect(said).to_be_visible()
    expect(said).to_contain_text("4 tries left before sign-in is locked")
