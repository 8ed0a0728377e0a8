"""Which kinds of content hold a match for a search, in one query to the search index.

The site search asks Wagtail's search backend once per kind of content, and building
each of those queries costs Django more than the database's work on a small site.
Asked first, the index says which kinds hold a match, and only those are searched: a
word found only in pages costs one search instead of six, and a word found nowhere
costs this query alone.
"""

from django.db import connection
from wagtail.search.backends import get_search_backend

from portal import internals


def matching_content_types(words):
    """The ids of the content types of every indexed object matching ``words``, or
    None where the search backend is not Wagtail's database backend on SQLite (FTS5)
    or PostgreSQL: every kind must then be searched."""
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        entries = _sqlite_matches(backend, words)
    elif connection.vendor == "postgresql":
        entries = _postgresql_matches(backend, words)
    else:
        entries = None
    if entries is None:
        return None
    return set(entries.distinct())


def _sqlite_matches(backend, words):
    from wagtail.search.models import SQLiteFTSIndexEntry

    if not internals.is_sqlite_backend(backend):
        return None
    return SQLiteFTSIndexEntry.objects.filter(
        internals.sqlite_match(backend, words)
    ).values_list("index_entry__content_type_id", flat=True)


def _postgresql_matches(backend, words):
    from wagtail.search.models import IndexEntry

    if not internals.is_postgresql_backend(backend):
        return None
    # The same expression as Wagtail's searches, served by the index of portal/0003.
    vector = internals.concatenated("title", "body")
    return (
        IndexEntry.objects.annotate(_vector_=vector)
        .filter(_vector_=internals.postgresql_tsquery(backend, words))
        .values_list("content_type_id", flat=True)
    )
