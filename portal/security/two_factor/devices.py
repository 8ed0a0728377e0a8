"""Which authenticator app a user has, and checking a code against it."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_failure_limit
from django.contrib.auth.signals import user_login_failed
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def device_to_confirm(user):
    """The app being added: the same secret on every visit until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=False
    )


def secret_for_typing(device):
    """The key as an app expects it typed: base32 in groups of four."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class CodeCheck:
    """The result of checking a code: ``ok``, or why not."""

    def __init__(self, ok=False, error="", locked_out=False):
        self.ok = ok
        self.error = error
        self.locked_out = locked_out


def check_code(request, device, code):
    """Check ``code``; a wrong one counts as a failed sign-in towards the lockout.

    django-otp also makes each wrong code double the wait before the next is checked,
    so codes cannot be tried quickly even below the lockout limit.
    """
    credentials = {"username": request.user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return CodeCheck(locked_out=True)
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(
            error="Too many wrong codes in a row: wait a few seconds, then enter "
            "the code your app shows then."
        )
    if device.verify_token(code):
        AxesProxyHandler.reset_attempts(
            ip_address=request.axes_ip_address, username=credentials["username"]
        )
        return CodeCheck(ok=True)
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        return CodeCheck(locked_out=True)
    return CodeCheck(
        error="That code is not right. Check that your phone's clock is correct "
        "and enter the code your app shows now (codes change every 30 seconds). "
        + tries_left(request, credentials)
    )


def tries_left(request, credentials):
    left = get_failure_limit(request, credentials) - AxesProxyHandler.get_failures(
        request, credentials
    )
    tries = "1 try" if left == 1 else f"{left} tries"
    return f"{tries} left before sign-in is locked."
