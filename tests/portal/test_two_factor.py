"""Admin accounts need a code from an authenticator app as well as a password."""

from io import StringIO

import pytest
from axes.models import AccessFailureLog
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unguessable passphrase"
ADDRESS = "198.51.100.4"


@pytest.fixture
def two_factor_required(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Communications"))
    return user


@pytest.fixture
def editor_app(editor):
    return TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)


def code_from(device, offset=0):
    """The code the app shows now (or ``offset`` steps of 30 seconds away)."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, drift=offset)
    return f"{value:06d}"


def wrong_code(device):
    return f"{(int(code_from(device)) + 1) % 1_000_000:06d}"


def sign_in(client, next_url="/admin/pages/"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD, "next": next_url},
        REMOTE_ADDR=ADDRESS,
    )


def enter_code(client, code, url="/admin/two-factor/verify/", next_url=""):
    return client.post(url, {"code": code, "next": next_url}, REMOTE_ADDR=ADDRESS)


@pytest.mark.usefixtures("two_factor_required")
def test_a_password_alone_leads_to_the_code_page_not_the_admin(client, editor_app):
    response = sign_in(client)
    assert response.status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"]).content.decode()
    assert "enter the 6-digit code it shows for editor" in page


@pytest.mark.usefixtures("two_factor_required")
def test_the_right_code_opens_the_admin_and_takes_the_user_where_they_were_going(
    client, editor_app
):
    sign_in(client)
    response = enter_code(client, code_from(editor_app), next_url="/admin/pages/")
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("two_factor_required")
def test_a_wrong_code_is_refused_with_a_message_and_recorded(client, editor_app):
    sign_in(client)
    response = enter_code(client, wrong_code(editor_app))
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    failure = AccessFailureLog.objects.get()
    assert (failure.username, failure.ip_address) == ("editor", ADDRESS)
    assert failure.path_info == "/admin/two-factor/verify/"


@pytest.mark.usefixtures("two_factor_required")
def test_a_code_that_is_not_six_digits_is_explained_and_not_counted(client, editor_app):
    sign_in(client)
    response = enter_code(client, "12ab")
    assert "Enter the 6 digits your authenticator app shows" in (
        response.content.decode()
    )
    assert not AccessFailureLog.objects.exists()


@pytest.mark.usefixtures("two_factor_required")
def test_after_a_wrong_code_the_next_one_must_wait(client, editor_app):
    sign_in(client)
    enter_code(client, wrong_code(editor_app))
    response = enter_code(client, code_from(editor_app))
    assert "Too many wrong codes in a row: wait a few seconds" in (
        response.content.decode()
    )
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.usefixtures("two_factor_required")
def test_five_wrong_codes_sign_the_user_out_and_lock_the_password_too(
    client, editor_app, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # test the lockout, not the wait
    sign_in(client)
    for _ in range(5):
        response = enter_code(client, wrong_code(editor_app))
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert "_auth_user_id" not in client.session

    response = sign_in(client)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("two_factor_required")
def test_sign_in_sign_out_and_password_reset_stay_open(client, editor_app):
    sign_in(client)
    for url in [
        "/admin/login/",
        "/admin/password_reset/",
        "/admin/two-factor/verify/",
        "/admin/jsi18n/",
        "/admin/sprite/",
    ]:
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert "/two-factor/" not in response.get("Location", ""), url
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("two_factor_required")
def test_a_user_without_an_app_adds_one_by_qr_code_or_typed_key(client, editor):
    sign_in(client)
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/two-factor/setup/")
    page = response.content.decode()
    assert "<svg" in page and "QR code to scan with your authenticator app" in page
    device = TOTPDevice.objects.get(user__username="editor", confirmed=False)
    secret = response.context["secret"]
    assert secret.replace(" ", "") in device.config_url
    assert page.count(secret) == 1

    response = enter_code(client, wrong_code(device), url="/admin/two-factor/setup/")
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()

    response = enter_code(
        client, code_from(device), url="/admin/two-factor/setup/", next_url="/admin/"
    )
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.usefixtures("two_factor_required")
def test_the_setup_page_keeps_the_same_key_until_it_is_confirmed(client, editor):
    sign_in(client)
    first = client.get("/admin/two-factor/setup/").context["secret"]
    second = client.get("/admin/two-factor/setup/").context["secret"]
    assert first == second
    assert TOTPDevice.objects.filter(user=editor).count() == 1


@pytest.mark.usefixtures("two_factor_required")
def test_a_code_cannot_send_the_user_to_another_site(client, editor_app):
    sign_in(client)
    response = enter_code(
        client, code_from(editor_app), next_url="https://evil.example/"
    )
    assert response["Location"] == "/admin/"


def test_without_the_requirement_the_admin_needs_only_a_password(client, editor):
    sign_in(client)
    assert client.get("/admin/pages/").status_code == 200


def test_without_the_requirement_someone_who_added_an_app_still_needs_its_code(
    client, editor_app
):
    sign_in(client)
    assert client.get("/admin/pages/").status_code == 302
    enter_code(client, code_from(editor_app))
    assert client.get("/admin/pages/").status_code == 200


def test_a_user_can_add_and_remove_an_app_from_their_account(client, editor):
    sign_in(client)
    account = client.get("/admin/account/").content.decode()
    assert "Two-factor authentication" in account
    assert "/admin/two-factor/" in account
    assert (
        "is off for your account" in client.get("/admin/two-factor/").content.decode()
    )

    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=editor)
    enter_code(client, code_from(device), url="/admin/two-factor/setup/")
    device.refresh_from_db()
    assert device.confirmed
    assert "is on" in client.get("/admin/two-factor/").content.decode()

    response = enter_code(client, code_from(device, offset=1), url="/admin/two-factor/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_a_superuser_resets_a_lost_app_and_it_is_logged(
    client, editor_app, django_user_model
):
    administrator = django_user_model.objects.create_superuser(
        "administrator", "admin@example.org", PASSWORD
    )
    client.force_login(administrator)
    users = client.get("/admin/users/").content.decode()
    assert f"/admin/two-factor/reset/{editor_app.user_id}/" in users

    page = client.get(f"/admin/two-factor/reset/{editor_app.user_id}/")
    assert "editor has an authenticator app" in page.content.decode()
    response = client.post(f"/admin/two-factor/reset/{editor_app.user_id}/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor_app.user).exists()
    entry = ModelLogEntry.objects.get(action="portal.reset_two_factor")
    assert entry.user == administrator and entry.object_id == str(editor_app.user_id)


def test_only_a_superuser_can_reset_someone_elses_app(client, editor_app):
    client.force_login(editor_app.user)
    response = client.post(f"/admin/two-factor/reset/{editor_app.user_id}/")
    assert response.status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=editor_app.user).exists()


def test_the_command_line_resets_an_app_when_no_superuser_can_sign_in(editor_app):
    output = StringIO()
    call_command("reset_two_factor", "editor", stdout=output)
    assert "Removed editor's authenticator app" in output.getvalue()
    assert not TOTPDevice.objects.exists()
    with pytest.raises(CommandError, match="There is no user called 'nobody'"):
        call_command("reset_two_factor", "nobody")
