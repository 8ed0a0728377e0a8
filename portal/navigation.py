"""The site's menu and breadcrumbs, each worked out once per request."""

from wagtail.models import Page, Site


def site_root(request):
    if not hasattr(request, "_portal_site_root"):
        site = Site.find_for_request(request)
        request._portal_site_root = site.root_page if site else None
    return request._portal_site_root


def main_menu(request):
    """The live, public pages under the site root marked "show in menus"."""
    if not hasattr(request, "_portal_main_menu"):
        root = site_root(request)
        request._portal_main_menu = (
            list(
                root.get_children()
                .live()
                .public()
                .in_menu()
                .only("id", "title", "url_path")
            )
            if root
            else []
        )
    return request._portal_main_menu


def breadcrumbs(page):
    """The pages from the home page down to, not including, ``page``."""
    if page.depth <= 2:
        return []
    return list(
        Page.objects.ancestor_of(page)
        .filter(depth__gte=2)
        .only("id", "title", "url_path")
    )
