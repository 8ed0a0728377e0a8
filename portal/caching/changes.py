"""When public content changes: one version number for every cache, and the CDN purge.

Every cached thing (the site chrome, whole pages) is stored under the current content
version. Publishing, unpublishing, moving, saving or deleting anything the public can
see raises the version, so the next request builds everything afresh; the CDN is told
to drop the URLs that showed the changed object (see ``portal.caching.cdn``).

Content that changes with the clock alone (a paper scheduled for 9am, a meeting moving
from "upcoming" to "past") raises the version when its time comes: each app registers a
function giving the next such moment, and cached responses never outlive it.
"""

import contextlib
import contextvars
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from portal.caching.backends import recovered
from portal.caching.release import release

VERSION_KEY = "portal:content-version"
NEXT_CHANGE_KEY = "portal:next-timed-change"
NO_TIMED_CHANGE = 0.0

_watched_models = ()
_next_change_finders = []
_batched = contextvars.ContextVar("portal_changes_batched", default=None)


def _fresh_version():
    """A version above any used before, should the cache have lost the number (an
    eviction, a restart): old pages stored under a reused number would be served."""
    return time.time_ns() // 1000


def current_version():
    return cache.get_or_set(VERSION_KEY, _fresh_version, timeout=None)


def _raise_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)
    cache.delete(NEXT_CHANGE_KEY)


def _kept_key(name, version):
    # Under the release too: a deploy never unpickles what older code kept.
    return f"portal:cached:{name}:{release()}:{version}"


def cached(name, compute, timeout=24 * 3600):
    """``compute()``, kept until public content next changes, by hand or by the
    clock: for aggregates over large tables (totals, counts, year lists) that every
    render would otherwise recompute."""
    return cache.get_or_set(_kept_key(name, current_version()), compute, timeout)


def cached_many(names, compute_missing, timeout=24 * 3600):
    """As :func:`cached` for many values in one cache round trip:
    ``compute_missing(names)`` gives a dict of the values not kept yet."""
    version = current_version()
    keys = {name: _kept_key(name, version) for name in names}
    found = cache.get_many(list(keys.values()))
    values = {name: found[key] for name, key in keys.items() if key in found}
    missing = [name for name in names if name not in values]
    if missing:
        computed = compute_missing(missing)
        cache.set_many({keys[name]: computed[name] for name in missing}, timeout)
        values.update(computed)
    return values


def public_content_changed(instance=None):
    """Forget every cached page, now and again once the transaction commits.

    The second time stops a request that read the old rows before the commit from
    caching them under the new version.
    """
    from portal.caching import cdn

    batch = _batched.get()
    if batch is not None:
        batch.append(instance)
        return
    _raise_version()
    transaction.on_commit(_raise_version)
    if instance is not None:
        cdn.purge_after_commit(cdn.urls_showing(instance))


@contextlib.contextmanager
def one_change():
    """Bulk loads and imports: many saves, one version raise and purge at the end."""
    if _batched.get() is not None:
        yield
        return
    batch = []
    token = _batched.set(batch)
    try:
        yield
    finally:
        _batched.reset(token)
    if batch:
        from portal.caching import cdn

        _raise_version()
        transaction.on_commit(_raise_version)
        urls = set()
        for instance in batch:
            if instance is not None:
                urls.update(cdn.urls_showing(instance))
        cdn.purge_after_commit(urls)


def _on_save_or_delete(sender, instance, **kwargs):
    if isinstance(instance, _watched_models):
        public_content_changed(instance)


def _on_page_signal(sender, instance, **kwargs):
    public_content_changed(instance)


def watch(*models):
    """Saving or deleting any of ``models`` (or subclasses) is a public change."""
    global _watched_models
    _watched_models += models


def register_next_change(finder):
    """``finder(now)`` gives the next datetime after ``now`` when public content
    changes without anyone saving anything, or None."""
    _next_change_finders.append(finder)


def _still_ahead(stored, now):
    return stored is not None and (stored == NO_TIMED_CHANGE or stored > now)


def next_timed_change(stored=None):
    """The next clock-driven change as a timestamp (0.0 for none), raising the
    version when one has passed. Costs queries only after the version changes."""
    now = timezone.now()
    stored = cache.get(NEXT_CHANGE_KEY) if stored is None else stored
    if _still_ahead(stored, now.timestamp()):
        return stored
    if stored is not None:
        _raise_version()
    moments = [finder(now) for finder in _next_change_finders]
    moments = [moment for moment in moments if moment is not None]
    upcoming = min(moments).timestamp() if moments else NO_TIMED_CHANGE
    cache.set(NEXT_CHANGE_KEY, upcoming, timeout=None)
    return upcoming


def version_and_seconds(limit):
    """The content version, and how long a response may be kept: ``limit``, or less
    if clock-driven content changes sooner. One cache round trip on most requests."""
    found = cache.get_many([VERSION_KEY, NEXT_CHANGE_KEY])
    upcoming = found.get(NEXT_CHANGE_KEY)
    version = found.get(VERSION_KEY)
    now = timezone.now().timestamp()
    if version is None or not _still_ahead(upcoming, now):
        upcoming = next_timed_change(upcoming)
        version = current_version()
    if upcoming == NO_TIMED_CHANGE:
        return version, limit
    return version, max(0, min(limit, int(upcoming - now)))


def _on_cache_recovered(sender, **kwargs):
    # A version raised while the cache was down was lost with it.
    _raise_version()


def connect_signals():
    """The one list of events that change what the public sees."""
    release()  # worked out at start-up, from the code this process loaded
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from portal.models import SiteSettings

    watch(
        Page,
        PageViewRestriction,
        Collection,
        CollectionViewRestriction,
        Site,
        SiteSettings,
        Redirect,
        get_image_model(),
        get_document_model(),
    )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_signal, dispatch_uid=f"portal-changes-{signal!r}")
    post_save.connect(_on_save_or_delete, dispatch_uid="portal-changes-save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="portal-changes-delete")
    recovered.connect(_on_cache_recovered, dispatch_uid="portal-changes-recovered")
