"""The admin's "Strategy" menu: each theme page one click away for those who edit
pages, instead of four clicks through the page explorer."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from strategy.models import StrategyPage, ThemePage


class ThemesMenu(Menu):
    """The strategy's themes as they are now, read on each request."""

    def menu_items_for_request(self, request):
        if not user_has_any_page_permission(request.user):
            return []
        strategy = StrategyPage.objects.order_by("path").first()
        if strategy is None:
            return []
        themes = ThemePage.objects.child_of(strategy).order_by("path")
        items = [
            MenuItem(
                theme.title,
                reverse("wagtailadmin_pages:edit", args=[theme.pk]),
                name=f"theme-{theme.pk}",
                icon_name="doc-full",
                order=order,
            )
            for order, theme in enumerate(themes)
        ]
        items.append(
            MenuItem(
                "All strategy pages",
                reverse("wagtailadmin_explore", args=[strategy.pk]),
                name="strategy-pages",
                icon_name="folder-open-inverse",
                order=len(items),
            )
        )
        return items


@hooks.register("register_admin_menu_item")
def register_strategy_menu():
    return SubmenuMenuItem(
        "Strategy",
        ThemesMenu(),
        name="strategy",
        icon_name="doc-full-inverse",
        order=150,
    )
