"""The sections of /sitemap.xml. Apps add their own public objects with ``register``."""

from wagtail.contrib.sitemaps import Sitemap as PageSitemap

SITEMAPS = {"pages": PageSitemap}


def register(name, sitemap_class):
    SITEMAPS[name] = sitemap_class
