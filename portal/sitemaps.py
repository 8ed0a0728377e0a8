"""The sections of /sitemap.xml. Apps add their own public objects with ``register``."""

from wagtail.contrib.sitemaps import Sitemap


class PageSitemap(Sitemap):
    """Every live public page of the site, read in one query whatever the page types.

    Wagtail's own sitemap loads each page as its specific type, one query per type.
    Pages with extra addresses (routable pages' sub-pages) list those in their app's
    own section instead.
    """

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
        )


SITEMAPS = {"pages": PageSitemap}


def register(name, sitemap_class):
    SITEMAPS[name] = sitemap_class
