"""The sitemap index at /sitemap.xml and its sections, one per kind of content.

Apps add their sections with ``register``. Each section is paged within the protocol's
limit of 50,000 addresses (``/sitemap-meetings.xml?p=2``), and the index lists every
page of every section with the date its content last changed. When a record a section
lists changes, the CDN drops the index and each page of that section
(``sitemap_paths``): a section lists the records of its ``items()`` query's model.
"""

import time

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Model
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from portal.caching import cdn

KEPT_SECONDS = 60
_kept = {}

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

    @classmethod
    def lists(cls, instance):
        return isinstance(instance, Page)


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

    @classmethod
    def lists(cls, instance):
        """Whether the section lists records of ``instance``'s kind: those of its
        ``items()`` query, unless a section says otherwise."""
        items = cls().items()
        model = getattr(items, "model", None)
        return model is not None and isinstance(instance, model)


SITEMAPS = {"pages": PageSitemap}


def register(name, sitemap_class):
    SITEMAPS[name] = sitemap_class


def sitemap_paths(instance):
    """The sitemap index and every page of each section listing ``instance``.

    Kept a minute per kind of record, so an import of thousands costs a few queries:
    a section page new meanwhile was never cached, so needs no purge.
    """
    kind = type(instance)
    kept_at, paths = _kept.get(kind, (0, None))
    if paths is None or time.monotonic() - kept_at > KEPT_SECONDS:
        paths = _sitemap_paths(instance)
        _kept[kind] = (time.monotonic(), paths)
    return paths


def _sitemap_paths(instance):
    paths = set()
    for name, sitemap_class in SITEMAPS.items():
        if not sitemap_class.lists(instance):
            continue
        section = reverse("sitemap_section", kwargs={"section": name})
        paths |= {reverse("sitemap"), section}
        paths |= {f"{section}?p={n}" for n in range(2, page_count(sitemap_class) + 1)}
    return paths


def page_count(sitemap_class):
    if sitemap_class is PageSitemap:
        return 1  # Far below 50,000 pages; counting them needs the request's site.
    return sitemap_class().paginator.num_pages


cdn.register(Model, sitemap_paths)
