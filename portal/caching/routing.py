"""Finding the page for a request with as few queries as the content allows, and the
addresses of what index pages list.

The site, its home page, each page's route, whether a page is private and where each
index page is change only with public content, so they are kept under the content
version (``portal.caching.changes``) and a page view spends its queries on what it
shows.
"""

import hashlib

from django.apps import apps
from django.core.exceptions import DisallowedHost
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from portal import internals
from portal.caching import changes


class CachedSiteMiddleware:
    """Gives Wagtail the request's site, with its home page, from the cache.

    The home page's ``specific`` is worked out before caching, so routing starts
    without a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            key = f"portal:site:{request.get_host()}:{request.get_port()}"
        except DisallowedHost:
            return self.get_response(request)
        site = changes.cached(key, lambda: _site_with_root(request))
        internals.remember_site(request, site)
        return self.get_response(request)


def _site_with_root(request):
    site = internals.find_site(request)
    if site is not None:
        site.root_page.localized.specific  # noqa: B018 (kept on the cached object)
    return site


class DirectRouteMixin:
    """Routes a URL to its page with one lookup instead of one per level of the tree.

    Wagtail walks down the tree a level at a time, two queries a level. This finds the
    deepest page whose URL path starts the request's path in one query, keeps it under
    the content version, then lets that page route whatever is left (a routable page's
    sub-pages, or a 404).
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components) + 1)
        ]
        digest = hashlib.sha256("\n".join(prefixes).encode()).hexdigest()[:32]
        deepest = changes.cached(
            f"portal:route:{self.pk}:{digest}", lambda: self._deepest(prefixes)
        )
        remaining = path_components[
            deepest.url_path.count("/") - self.url_path.count("/") :
        ]
        return deepest.route(request, remaining)

    def _deepest(self, prefixes):
        page = (
            Page.objects.descendant_of(self)
            .filter(url_path__in=prefixes)
            .order_by("-depth")
            .first()
        )
        if page is None:
            raise Http404  # not cached: made-up addresses would fill the cache
        return page.specific


def public_pages():
    """``Page.objects.live().public()``, with the paths of restricted pages kept until
    content changes instead of read on every call."""
    restricted = changes.cached(
        "portal:restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    pages = Page.objects.live()
    for path in restricted:
        pages = pages.exclude(path__startswith=path)
    return pages


class ViewRestrictionsCacheMixin:
    """Wagtail checks a page's view restrictions on every view, two queries; almost
    every page has none, which is remembered until content changes (a restriction
    added anywhere raises the content version)."""

    def get_view_restrictions(self):
        restricted = changes.cached(
            f"portal:restricted:{self.pk}",
            lambda: super(ViewRestrictionsCacheMixin, self)
            .get_view_restrictions()
            .exists(),
        )
        if restricted:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class IndexPageMixin(ViewRestrictionsCacheMixin, RoutablePageMixin):
    """A page that lists records and owns their addresses: its ``@path`` routes have
    names, each calling a view ``view(request, page, ...)``; templates link with
    ``{% routablepageurl %}`` and records with ``route_url``."""

    @classmethod
    def public_url(cls):
        """The public page's address ('' when none is published), kept until public
        content changes."""
        return changes.cached(
            f"portal:index-url:{cls._meta.label_lower}", cls._find_public_url
        )

    @classmethod
    def _find_public_url(cls):
        page = cls.objects.live().public().order_by("path").first()
        return (page.url or "") if page else ""


def route_url(page_model, name, *args, base=None):
    """The address of route ``name`` of the public ``page_model`` page, or '' when no
    such page is public. Records name their page as "app_label.ModelName", so their
    models need not import it. Pass ``base`` (the page's URL) when building many."""
    page_class = (
        apps.get_model(page_model) if isinstance(page_model, str) else page_model
    )
    if base is None:
        base = page_class.public_url()
    if not base:
        return ""
    return base + page_class.get_resolver().reverse(name, *args)


def preview_page(page_model):
    """The page a preview of an unpublished record renders under: the public one, or
    the first draft when none is public yet."""
    page_class = apps.get_model(page_model)
    pages = page_class.objects.order_by("path")
    return pages.live().public().first() or pages.first()
