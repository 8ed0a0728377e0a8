"""Settings › Login lockouts and Settings › Failed sign-ins, for administrators.

Superusers see both; anyone else needs the axes model permissions given to their group.
Lockouts can be lifted (deleted) but neither list can be added to or edited.
"""

from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset
from django.conf import settings
from django.db.models import OuterRef, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.permissions import register_permission_policy

from portal.security.permissions import LookOnlyPolicy

# Records written only by the login machinery: nobody adds or edits them here, and
# only a lockout may be deleted (unlocked).
register_permission_policy(
    AccessAttempt, LookOnlyPolicy(AccessAttempt), exact_class=True
)
register_permission_policy(
    AccessFailureLog,
    LookOnlyPolicy(AccessFailureLog, refused=("add", "change", "delete")),
    exact_class=True,
)


def locked_until(attempt):
    """When the lockout ends, in the admin's time zone, or "Not locked out"."""
    until = attempt.attempt_time + settings.AXES_COOLOFF_TIME
    if attempt.failures_of_pair < settings.AXES_FAILURE_LIMIT:
        return _("Not locked out")
    if until <= timezone.now():
        return _("Not locked out (cool-off over)")
    return date_format(timezone.localtime(until), "j M Y, H:i")


class NewestFirstIndexView(generic.IndexView):
    default_ordering = "-attempt_time"


class LockoutIndexView(NewestFirstIndexView):
    def get_base_queryset(self):
        # Axes counts a username's failures at an address over every browser used.
        same_pair = (
            AccessAttempt.objects.filter(
                username=OuterRef("username"), ip_address=OuterRef("ip_address")
            )
            .order_by()
            .values("username")
            .annotate(total=Sum("failures_since_start"))
            .values("total")
        )
        return super().get_base_queryset().annotate(failures_of_pair=same_pair)

    def get_list_more_buttons(self, instance):
        buttons = []
        if delete_url := self.get_delete_url(instance):
            buttons.append(MenuItem(_("Unlock"), url=delete_url, icon_name="lock-open"))
        return buttons


class UnlockView(generic.DeleteView):
    page_title = _("Unlock")
    success_message = _("%(object)s can sign in again.")

    @property
    def confirmation_message(self):
        return _(
            "Clear the failed sign-ins of %(object)s? They can try again at once."
        ) % {"object": self.object}

    def delete_action(self):
        # A lockout counts every failure of this username at this address, whatever
        # browser it came from: clear them all, or the lock would stay.
        reset(ip=self.object.ip_address, username=self.object.username)


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    add_to_settings_menu = True
    url_prefix = "login-lockouts"
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []
    search_fields = ["username"]
    search_backend_name = None
    list_display = [
        "username",
        Column("ip_address", label=_("Address")),
        Column("failures_of_pair", label=_("Failures")),
        DateColumn("attempt_time", label=_("Last failure"), sort_key="attempt_time"),
        Column("locked_until", label=_("Locked out until"), accessor=locked_until),
    ]
    inspect_view_fields = [
        "username",
        "ip_address",
        "user_agent",
        "failures_since_start",
        "attempt_time",
        "path_info",
    ]


class FailedSignInViewSet(ModelViewSet):
    model = AccessFailureLog
    icon = "warning"
    menu_label = _("Failed sign-ins")
    add_to_settings_menu = True
    url_prefix = "failed-sign-ins"
    index_view_class = NewestFirstIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    exclude_form_fields = []
    search_fields = ["username"]
    search_backend_name = None
    list_display = [
        "username",
        DateColumn("attempt_time", label=_("Time"), sort_key="attempt_time"),
        Column("ip_address", label=_("Address")),
        Column("user_agent", label=_("Browser")),
        Column("path_info", label=_("Page")),
        Column("locked_out", label=_("Locked out")),
    ]
    inspect_view_fields = [
        "attempt_time",
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "locked_out",
    ]
