from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


class RequireTwoFactorMiddleware:
    """With PORTAL_REQUIRE_2FA on, admin pages need a code as well as a password.

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
        if not settings.PORTAL_REQUIRE_2FA:
            return False
        path = request.path_info
        if not path.startswith("/admin/") or path.startswith(self.open_paths()):
            return False
        user = request.user
        return user.is_authenticated and not user.is_verified()

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
