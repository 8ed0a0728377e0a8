from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import urlencode

from portal.security.two_factor.devices import confirmed_device


class RequireTwoFactorMiddleware:
    """Signing in needs a code as well as a password: from everyone when
    PORTAL_REQUIRE_2FA is on, otherwise from those who have added an app.

    In the admin, a signed-in user who has not entered a code this session is sent to
    enter one (or to add an app first); signing in and out, resetting a password and
    the code pages themselves stay open. Everywhere else such a half-signed-in visitor
    counts as not signed in, so pages and documents kept for signed-in users stay shut:
    where the site would ask them to sign in, it asks for the code instead. Must come
    after django-otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.needs_code(request):
            return self.get_response(request)
        if request.path_info.startswith("/admin/"):
            if request.path_info.startswith(self.open_paths()):
                return self.get_response(request)
            return redirect_to_code_page(request.get_full_path())
        request.user = AnonymousUser()
        response = self.get_response(request)
        wanted = sign_in_asked_for(response)
        return response if wanted is None else redirect_to_code_page(wanted)

    def needs_code(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        # Where it is not required, someone who added an app still expects its code.
        return settings.PORTAL_REQUIRE_2FA or confirmed_device(user) is not None

    @staticmethod
    def open_paths():
        return (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_password_reset"),
            reverse("wagtailadmin_javascript_catalog"),
            # The icons every admin page fetches, the code pages too.
            reverse("wagtailadmin_sprite"),
            reverse("two_factor:verify"),
            reverse("two_factor:setup"),
        )


def redirect_to_code_page(next_url):
    return redirect(f"{reverse('two_factor:verify')}?{urlencode({'next': next_url})}")


def sign_in_asked_for(response):
    """Where the visitor was going, if ``response`` sends them to sign in."""
    if response.status_code not in (301, 302, 303, 307):
        return None
    location = urlsplit(response.get("Location", ""))
    sign_in_pages = {
        resolve_url(settings.LOGIN_URL),
        resolve_url(
            getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", "wagtailcore_login")
        ),
    }
    if location.path not in sign_in_pages:
        return None
    return parse_qs(location.query).get("next", ["/"])[0]
