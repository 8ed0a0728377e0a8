"""Settings › Users, with each person's role (their groups) in the list."""

from django.contrib.auth.models import Group
from django.db.models import Prefetch
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.users.views import users


def roles_of(user):
    return ", ".join(group.name for group in user.groups.all()) or "No role"


class IndexView(users.IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        role = Column("roles", accessor=roles_of, label="Role", width="20%")
        columns.insert(3, role)
        return columns

    def get_base_queryset(self):
        groups = Prefetch("groups", queryset=Group.objects.order_by("name"))
        return super().get_base_queryset().prefetch_related(groups)


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView


def use_for_settings_users():
    """Wagtail builds Settings › Users from its app config's ``user_viewset``."""
    from django.apps import apps

    apps.get_app_config("wagtailusers").user_viewset = "portal.admin_users.UserViewSet"
