"""Everything the portal does through a framework's private API, in one place.

Each function here leans on something Django, Wagtail, modelsearch (Wagtail's search
backends) or django-csp use inside themselves but do not document. The rest of the
code calls these functions instead, and ``tests/portal/test_framework_internals.py``
names and exercises each one, so an upgrade that changes one fails there, saying
which. Before an upgrade, read that test; after it, run it first.
"""

from django.contrib.auth.management import create_permissions
from django.db.models import F
from django.utils.functional import empty
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Site

# Wagtail: finding the request's site.


def remember_site(request, site):
    """Give Wagtail the request's site, so ``Site.find_for_request`` asks nothing:
    it keeps its answer in ``request._wagtail_site`` and reads it from there."""
    request._wagtail_site = site


def find_site(request):
    """The request's site, always looked up (``Site._find_for_request``), not read
    from what the request remembers."""
    return Site._find_for_request(request)


# modelsearch: asking the search index directly, as Wagtail's own searches do.


def indexed_content_types(model):
    """The ids of the content types of ``model`` and its subclasses, as the search
    index stores them (``modelsearch.utils.get_descendants_content_types_pks``)."""
    return get_descendants_content_types_pks(model)


def orders_by_expressions(backend):
    """Whether ``backend``'s searches accept an ordering expression, not only
    field names (its compiler's ``HANDLES_ORDER_BY_EXPRESSIONS``)."""
    compiler = getattr(backend, "query_compiler_class", None)
    return getattr(compiler, "HANDLES_ORDER_BY_EXPRESSIONS", False)


def _compiler(backend, words):
    """The backend's own query compiler, so words are read as its searches read
    them. It needs an indexed model only for fields these queries do not use."""
    from wagtail.models import Page

    return backend.query_compiler_class(
        Page.objects.none(), words, order_by_relevance=False
    )


def sqlite_match(backend, words):
    """A filter on SQLite's full-text table (``SQLiteFTSIndexEntry``) for the entries
    matching ``words``: the compiler's ``build_search_query`` of its normalised
    query, wrapped in its ``MatchExpression`` over ``FTS_TABLE_FIELDS``."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize

    compiler = _compiler(backend, words)
    config = compiler.get_config(backend)
    query = compiler.build_search_query(normalize(compiler.query), config=config)
    return MatchExpression(compiler.FTS_TABLE_FIELDS, query)


def postgresql_tsquery(backend, words):
    """PostgreSQL's ``tsquery`` for ``words``, as the compiler's ``build_tsquery``
    writes it for Wagtail's own searches."""
    compiler = _compiler(backend, words)
    return compiler.build_tsquery(compiler.query, config=compiler.get_config(backend))


def concatenated(first, second):
    """``first || second`` as an expression, built as modelsearch builds the
    vector its PostgreSQL searches match (``F()._combine``), so an index on that
    expression serves both."""
    return F(first)._combine(F(second), "||", False)


def is_sqlite_backend(backend):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(backend, SQLiteSearchBackend)


def is_postgresql_backend(backend):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


# django-csp


def exempt_from_csp(response):
    """No Content-Security-Policy header on ``response``: django-csp's middleware
    skips a response marked ``_csp_exempt``, which its ``@csp_exempt`` sets."""
    response._csp_exempt = True


# Django


def create_all_permissions(apps):
    """Create every model permission now, from a data migration, with the
    historical ``apps`` registry. Django creates them after the last migration,
    and its ``create_permissions`` skips an app whose ``models_module`` is unset,
    as it is on every app of a migration's registry."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def forget_lazy_object(lazy):
    """Make a ``LazyObject`` set itself up again on next use, as Django does with
    ``default_storage`` when ``STORAGES`` changes (it empties ``_wrapped``)."""
    lazy._wrapped = empty
