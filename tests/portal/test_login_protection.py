"""Wrong passwords lock one username at one address; an administrator unlocks it."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from portal.security.login_protection import client_ip_address

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unguessable passphrase"
ATTACKER = "203.0.113.9"
EDITOR_AT_HOME = "198.51.100.4"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Communications"))
    return user


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser(
        "administrator", "admin@example.org", PASSWORD
    )


def sign_in(client, username, password, address, **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail_five_times(client, username="editor", address=ATTACKER):
    for attempt in range(1, 6):
        response = sign_in(client, username, f"guess {attempt}", address)
    return response


def test_five_wrong_passwords_lock_that_username_at_that_address(client, editor):
    response = sign_in(client, "editor", "guess", ATTACKER)
    assert response.status_code == 200
    assert "Your username and password didn&#x27;t match" in response.content.decode()

    response = fail_five_times(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Sign-in paused" in page
    assert "Too many failed attempts to sign in as “editor”" in page
    assert "try again in 1\xa0hour" in page
    assert "/admin/password_reset/" in page

    response = sign_in(client, "editor", PASSWORD, ATTACKER)
    assert response.status_code == 429
    assert "Sign-in paused" in response.content.decode()
    assert not signed_in(client)


def test_the_lockout_leaves_the_editor_elsewhere_and_other_users_alone(
    client, editor, administrator
):
    fail_five_times(client)

    response = sign_in(client, "editor", PASSWORD, EDITOR_AT_HOME)
    assert response.status_code == 302 and signed_in(client)
    client.logout()

    response = sign_in(client, "administrator", PASSWORD, ATTACKER)
    assert response.status_code == 302 and signed_in(client)


def test_every_failure_is_recorded_with_time_username_address_and_browser(
    client, editor
):
    sign_in(client, "editor", "guess", ATTACKER, HTTP_USER_AGENT="Guesser/1.0")
    sign_in(client, "nobody", "guess", ATTACKER, HTTP_USER_AGENT="Guesser/1.0")

    failures = AccessFailureLog.objects.order_by("attempt_time")
    assert [(f.username, f.ip_address, f.user_agent) for f in failures] == [
        ("editor", ATTACKER, "Guesser/1.0"),
        ("nobody", ATTACKER, "Guesser/1.0"),
    ]
    assert all(f.attempt_time and f.path_info == "/admin/login/" for f in failures)


def test_an_administrator_sees_failures_and_lockouts_and_unlocks(
    client, editor, administrator
):
    fail_five_times(client, address=ATTACKER)
    client.force_login(administrator)

    failures_page = client.get("/admin/failed-sign-ins/")
    assert failures_page.context["page_obj"].paginator.count == 5
    assert ATTACKER in failures_page.content.decode()

    lockouts_page = client.get("/admin/login-lockouts/").content.decode()
    assert "editor" in lockouts_page and ATTACKER in lockouts_page
    assert "Unlock" in lockouts_page
    lockout = AccessAttempt.objects.get(username="editor")

    confirm = client.get(f"/admin/login-lockouts/delete/{lockout.pk}/")
    assert "They can try again at once" in confirm.content.decode()
    response = client.post(f"/admin/login-lockouts/delete/{lockout.pk}/", follow=True)
    assert "can sign in again" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert AccessFailureLog.objects.count() == 5, "the log outlives the lockout"

    client.logout()
    response = sign_in(client, "editor", PASSWORD, ATTACKER)
    assert response.status_code == 302 and signed_in(client)


def test_unlocking_clears_the_failures_from_every_browser_at_that_address(
    client, editor, administrator
):
    for number in range(5):
        sign_in(client, "editor", "guess", ATTACKER, HTTP_USER_AGENT=f"Bot/{number}")
    assert AccessAttempt.objects.count() == 5
    client.force_login(administrator)
    lockouts = client.get("/admin/login-lockouts/").content.decode()
    assert "Not locked out" not in lockouts, "each row shows the pair's lockout"
    client.post(f"/admin/login-lockouts/delete/{AccessAttempt.objects.first().pk}/")
    assert not AccessAttempt.objects.exists()


def test_the_lists_cannot_be_added_to_or_edited_and_editors_cannot_see_them(
    client, editor, administrator
):
    sign_in(client, "editor", "guess", ATTACKER)
    attempt = AccessAttempt.objects.get()
    failure = AccessFailureLog.objects.get()

    client.force_login(administrator)
    assert client.get("/admin/login-lockouts/new/").status_code in (302, 403)
    assert client.get(f"/admin/login-lockouts/edit/{attempt.pk}/").status_code in (
        302,
        403,
    )
    assert client.get(f"/admin/failed-sign-ins/delete/{failure.pk}/").status_code in (
        302,
        403,
    )
    assert AccessFailureLog.objects.exists()

    client.force_login(editor)
    for url in ["/admin/login-lockouts/", "/admin/failed-sign-ins/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert "Login lockouts" not in client.get("/admin/").content.decode()


def test_behind_a_trusted_proxy_the_client_address_comes_from_x_forwarded_for(
    settings,
):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"6.6.6.6, {ATTACKER}"
    )
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0
    assert client_ip_address(request) == "10.0.0.2"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    assert client_ip_address(request) == ATTACKER, "the forged first entry is ignored"


def test_a_session_ends_at_browser_close_unless_remembered_and_after_eight_hours(
    client, editor
):
    sign_in(client, "editor", PASSWORD, EDITOR_AT_HOME)
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() <= 8 * 3600
    client.logout()

    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD, "remember": "on"},
        REMOTE_ADDR=EDITOR_AT_HOME,
    )
    assert response.cookies["sessionid"]["max-age"] == 8 * 3600


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1!", "too short"),
        ("password12345", "too common"),
        ("283746519283746", "entirely numeric"),
        ("Editor2026!", "too similar to the username"),
    ],
)
def test_weak_passwords_are_refused(editor, password, reason):
    with pytest.raises(ValidationError, match=reason):
        validate_password(password, user=editor)


def test_the_admin_refuses_a_weak_password_for_a_new_user(client, administrator):
    client.force_login(administrator)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "short",
            "password2": "short",
        },
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()


def test_an_expired_session_has_to_sign_in_again(client, editor):
    sign_in(client, "editor", PASSWORD, EDITOR_AT_HOME)
    assert client.get("/admin/").status_code == 200
    # Through the session store, so the cached copy (Redis in CI) expires too.
    session = client.session
    session.set_expiry(-1)
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
