"""Which kinds of content hold a match for a search, in one query to the search index.

The site search asks Wagtail's search backend once per kind of content, and Django
takes about a millisecond to build each of those queries before the database does any
work. Asked first, the index says which kinds hold a match, and only those are
searched: a word found only in pages costs one search instead of six, and a word found
nowhere costs this query alone.
"""

from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend


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


def _compiler(backend, words):
    """The backend's own compiler, so words are read as its searches read them. It
    needs an indexed model only to know fields that these queries do not use."""
    return backend.query_compiler_class(
        Page.objects.none(), words, order_by_relevance=False
    )


def _sqlite_matches(backend, words):
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from wagtail.search.models import SQLiteFTSIndexEntry

    if not isinstance(backend, SQLiteSearchBackend):
        return None
    compiler = _compiler(backend, words)
    config = compiler.get_config(backend)
    query = compiler.build_search_query(normalize(compiler.query), config=config)
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, query)
    return SQLiteFTSIndexEntry.objects.filter(match).values_list(
        "index_entry__content_type_id", flat=True
    )


def _postgresql_matches(backend, words):
    from django.db.models import F
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
    from wagtail.search.models import IndexEntry

    if not isinstance(backend, PostgresSearchBackend):
        return None
    compiler = _compiler(backend, words)
    query = compiler.build_tsquery(compiler.query, config=compiler.get_config(backend))
    # The same expression as Wagtail's searches, served by the index of portal/0003.
    vector = F("title")._combine(F("body"), "||", False)
    return (
        IndexEntry.objects.annotate(_vector_=vector)
        .filter(_vector_=query)
        .values_list("content_type_id", flat=True)
    )
