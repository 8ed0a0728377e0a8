"""Which bulk actions a user may use at all, so a list offers only those."""

from django.apps import apps
from wagtail.models import Page
from wagtail.permissions import policy_registry

# A bulk action of these kinds needs this permission on the model; others are
# offered to anyone who can see the list, and each object is checked on use.
NEEDS = {"publish": "publish", "unpublish": "publish", "delete": "delete"}


def may_use(user, action, model):
    needed = NEEDS.get(action.action_type)
    if needed is None:
        return True
    if issubclass(model, Page):
        if needed == "delete":
            return True
        model = Page
    return policy_registry.get_by_type(model).user_has_permission(user, needed)


def usable_bulk_actions(user, app_label, model_name, actions):
    model = apps.get_model(app_label, model_name)
    return [action for action in actions if may_use(user, action, model)]
