from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import MenuItem

from portal.security.login_protection.admin_views import (
    FailedSignInViewSet,
    LockoutViewSet,
)


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return [LockoutViewSet("login_lockouts"), FailedSignInViewSet("failed_sign_ins")]


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include("portal.security.two_factor.urls"))]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("two_factor:manage"),
        "label": "Two-factor authentication",
        "help_text": "Add or remove the authenticator app that gives your sign-in "
        "codes.",
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser:
        yield MenuItem(
            "Reset two-factor",
            url=reverse("two_factor:reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        "portal.reset_two_factor",
        "Reset two-factor",
        "Two-factor authentication reset: a new app must be added",
    )
