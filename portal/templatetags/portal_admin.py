"""Template tags for the admin's own screens."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets.button import Button, ButtonWithDropdown, ListingButton

from portal.admin_bulk_actions import usable_bulk_actions

register = template.Library()

SHOWN_AS_BUTTONS = 4


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def usable_bulk_action_choices(context, app_label, model_name):
    """Wagtail's ``bulk_action_choices``, less the actions the user may never use."""
    actions = sorted(
        usable_bulk_actions(
            context["request"].user,
            app_label,
            model_name,
            bulk_action_registry.get_bulk_actions_for_model(app_label, model_name),
        ),
        key=lambda action: action.action_priority,
    )

    def url(action):
        return reverse(
            "wagtail_bulk_action", args=[app_label, model_name, action.action_type]
        )

    def attrs(action):
        return {"aria-label": action.aria_label, "data-bulk-action-button": ""}

    buttons = [
        ListingButton(
            action.display_name,
            url(action),
            attrs=attrs(action),
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in actions[:SHOWN_AS_BUTTONS]
    ]
    if more := actions[SHOWN_AS_BUTTONS:]:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[
                    Button(
                        label=action.display_name,
                        url=url(action),
                        attrs=attrs(action),
                        priority=action.action_priority,
                    )
                    for action in more
                ],
            )
        )
    return {"buttons": buttons}


@register.simple_tag(takes_context=True)
def may_search_pages(context):
    return user_has_any_page_permission(context["request"].user)
