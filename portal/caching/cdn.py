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
    return absolute_urls(paths)


def absolute_urls(paths):
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


def old_addresses(page, url_path_before, url_path_after):
    """Where a moved or renamed page and the pages under it used to be."""
    from wagtail.models import Page, Site

    paths = set()
    below = Page.objects.descendant_of(page, inclusive=True)
    new_paths = below.values_list("url_path", flat=True)
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path_before.startswith(root):
            for new_path in new_paths:
                old_path = url_path_before + new_path[len(url_path_after) :]
                paths.add(f"{site.root_url}/{old_path[len(root) :]}")
    return paths


def _purge_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    if enabled() and url_path_before != url_path_after:
        paths = old_addresses(instance, url_path_before, url_path_after)
        parent = kwargs.get("parent_page_before")
        if parent is not None and parent.depth > 1:
            paths.add(parent.get_full_url())
        purge_after_commit({path for path in paths if path})


def _purge_renamed(sender, instance, instance_before, **kwargs):
    _purge_moved(sender, instance, instance_before.url_path, instance.url_path)


def connect_signals():
    """Purge the old addresses of pages that moved or changed slug: the changes
    module purges the new ones."""
    from wagtail.signals import page_slug_changed, post_page_move

    post_page_move.connect(_purge_moved, dispatch_uid="portal-cdn-moved")
    page_slug_changed.connect(_purge_renamed, dispatch_uid="portal-cdn-renamed")
