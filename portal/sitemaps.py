"""The sitemap index at /sitemap.xml and its sections, one per kind of content.

Apps add their sections with ``register``. Each section is paged within the protocol's
limit of 50,000 addresses (``/sitemap-meetings.xml?p=2``), and the index lists every
page of every section with the date its content last changed.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

MAX_URLS = 50_000


class PageSitemap(WagtailSitemap):
    """Every live public page of the site, read in one query whatever the page types.

    Wagtail's own sitemap loads each page as its specific type, one query per type.
    Pages with extra addresses (routable pages' sub-pages) list those in their app's
    own section instead.
    """

    limit = MAX_URLS

    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
        )

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


class RecordSitemap(Sitemap):
    """A section of records read from one query, a page of the section at a time.

    ``items()`` returns a queryset ordered by a unique key; ``lastmod_field`` names
    the field that says when a record last changed.
    """

    limit = MAX_URLS
    lastmod_field = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item: one aggregate instead.
        latest = self.items().aggregate(latest=Max(self.lastmod_field))
        return latest["latest"]


SITEMAPS = {"pages": PageSitemap}


def register(name, sitemap_class):
    SITEMAPS[name] = sitemap_class
