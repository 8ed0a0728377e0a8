"""What every page shows around its content: the menu, the footer and the organisation.

It is worked out once and kept in the cache under the content version, so it is built
again only after a public change (see ``portal.caching.changes``: publishing, moving or
deleting a page, a view restriction, the site settings), and a page view costs no
query for it.
"""

from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from portal.caching.changes import cached
from portal.contact_address import public_address
from portal.models import SiteSettings


def _link(page, site):
    return {"id": page.id, "title": page.title, "url": page.relative_url(site)}


def _contact_url(settings, site):
    page = settings.contact_page
    return page.relative_url(site) if page is not None and page.live else ""


def _build_chrome(site):
    settings = SiteSettings.for_site(site)
    root = site.root_page
    menu = root.get_children().live().public().in_menu()
    footer_pages = [
        block.value
        for block in settings.footer_links
        if block.value is not None and block.value.live
    ]
    return {
        "organisation_name": settings.organisation_name,
        "short_name": settings.short_name,
        "contact_email": public_address(settings.contact_email),
        "contact_url": _contact_url(settings, site),
        "footer_text": expand_db_html(settings.footer_text)
        if settings.footer_text
        else "",
        "social_links": [dict(link.value) for link in settings.social_links],
        "menu": [{**_link(page, site), "url_path": page.url_path} for page in menu],
        "footer_links": [_link(page, site) for page in footer_pages],
        "share_image": _share_image_url(settings.share_image),
    }


def _share_image_url(image):
    if image is None:
        return ""
    return image.get_rendition("fill-1200x630|format-jpeg").url


def site_chrome(request):
    """The menu, footer links and organisation details of the request's site."""
    if not hasattr(request, "_portal_chrome"):
        site = Site.find_for_request(request)
        if site is None:
            request._portal_chrome = {
                "menu": [],
                "footer_links": [],
                "social_links": [],
            }
        else:
            request._portal_chrome = cached(
                f"portal:chrome:{site.pk}", lambda: _build_chrome(site)
            )
    return request._portal_chrome


def breadcrumbs(page):
    """The pages from the home page down to, not including, ``page``."""
    if page.depth <= 2:
        return []
    return cached(
        f"portal:breadcrumbs:{page.pk}",
        lambda: list(
            Page.objects.ancestor_of(page)
            .filter(depth__gte=2)
            .only("id", "title", "url_path")
        ),
    )
