"""Telling the CDN (``WAGTAILFRONTENDCACHE``) which URLs to drop when something changes.

Each app registers, per model, a function naming the paths that show an object (its
own page, the listings, feeds and files it appears in). The purge runs after the
transaction commits, so the CDN never fetches the old content again.
"""

import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

logger = logging.getLogger(__name__)

_finders = []


def register(model, paths_showing):
    """``paths_showing(obj)`` gives the paths (``/meetings/``) that show ``obj``."""
    _finders.append((model, paths_showing))


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def paths_showing(instance):
    paths = set()
    for model, finder in _finders:
        if isinstance(instance, model):
            paths.update(path for path in finder(instance) if path)
    return paths


def _root_url():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def urls_showing(instance):
    """The absolute URLs of every page showing ``instance``; none without a CDN."""
    if not enabled():
        return set()
    try:
        paths = paths_showing(instance)
    except ObjectDoesNotExist:
        # Deleted along with what it belonged to: that deletion purges the pages.
        logger.warning("No URLs to purge for deleted %r", instance)
        return set()
    if not paths:
        return set()
    root = _root_url()
    return {path if "://" in path else root + path for path in paths}


def purge_after_commit(urls):
    if not urls or not enabled():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted(urls)
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def page_paths(page):
    """A page, its parent and the home page; every page when the menu changes."""
    from wagtail.models import Page

    page = page.specific_deferred if type(page) is Page else page
    paths = {page.url_path and page.get_url(), "/", "/sitemap.xml"}
    parent = page.get_parent() if page.depth > 1 else None
    if parent is not None and parent.depth > 1:
        paths.add(parent.get_url())
    if page.show_in_menus and page.depth <= 3:
        paths.update(every_page_path())
    return paths


def every_page_path():
    """Every live page, for changes to what every page shows (menu, footer)."""
    from wagtail.models import Page

    return {
        page.get_url()
        for page in Page.objects.live().filter(depth__gt=1).only("id", "url_path")
    }


def site_settings_paths(settings_obj):
    return every_page_path()


def referencing_paths(obj):
    """An image or document: what shows each page or record that uses it."""
    from wagtail.models import ReferenceIndex

    paths = set()
    for source, _references in ReferenceIndex.get_grouped_references_to(obj):
        if source is not None:
            paths |= paths_showing(source)
    return paths
