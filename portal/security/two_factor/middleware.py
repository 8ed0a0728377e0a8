from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from portal.security.two_factor.devices import confirmed_device


class RequireTwoFactorMiddleware:
    """Admin pages need a code as well as a password: from everyone when
    PORTAL_REQUIRE_2FA is on, otherwise from those who have added an app.

    A signed-in user who has not entered a code this session is sent to enter one
    (or to add an app first); signing in and out, resetting a password and the code
    pages themselves stay open. Must come after django-otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_code(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('two_factor:verify')}?{query}")
        return self.get_response(request)

    def needs_code(self, request):
        path = request.path_info
        if not path.startswith("/admin/") or path.startswith(self.open_paths()):
            return False
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
