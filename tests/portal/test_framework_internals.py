"""Each private API that ``portal/internals.py`` leans on still works as it expects.

One test per internal, named after it. When an upgrade of Django, Wagtail, modelsearch
or django-csp changes one, the failure is here and says which, rather than somewhere
far away (a slower search, a page that asks for its site twice, a missing header).
"""

import pytest
from csp.middleware import CSPMiddleware
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import LazyObject
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from portal import internals
from strategy.models import StandardPage
from tests.factories import StandardPageFactory

ON_SQLITE = connection.vendor == "sqlite"
ON_POSTGRESQL = connection.vendor == "postgresql"


def request_for(site):
    return RequestFactory().get("/", HTTP_HOST=site.hostname, SERVER_PORT=site.port)


@pytest.mark.django_db
def test_site_find_for_request_reads_request__wagtail_site(
    django_assert_num_queries,
):
    site = Site.objects.get(is_default_site=True)
    request = request_for(site)

    internals.remember_site(request, site)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


@pytest.mark.django_db
def test_site__find_for_request_looks_the_site_up_whatever_is_remembered():
    site = Site.objects.get(is_default_site=True)
    request = request_for(site)
    request._wagtail_site = None

    assert internals.find_site(request) == site


@pytest.mark.django_db
def test_modelsearch_get_descendants_content_types_pks_includes_subclasses():
    from django.contrib.contenttypes.models import ContentType

    kinds = set(internals.indexed_content_types(Page))

    assert ContentType.objects.get_for_model(StandardPage).pk in kinds
    assert ContentType.objects.get_for_model(Page).pk in kinds


def test_modelsearch_compiler_says_HANDLES_ORDER_BY_EXPRESSIONS():
    compiler = get_search_backend().query_compiler_class
    assert compiler.HANDLES_ORDER_BY_EXPRESSIONS is True
    assert internals.orders_by_expressions(get_search_backend()) is True


@pytest.mark.django_db
@pytest.mark.skipif(not ON_SQLITE, reason="SQLite's search backend")
def test_modelsearch_sqlite_build_search_query_and_MatchExpression_find_entries(
    home_page,
):
    from wagtail.search.models import SQLiteFTSIndexEntry

    page = StandardPageFactory(parent=home_page, title="Hydrogen valley")
    backend = get_search_backend()
    assert internals.is_sqlite_backend(backend)

    def matched(words):
        entries = SQLiteFTSIndexEntry.objects.filter(
            internals.sqlite_match(backend, words)
        )
        return set(entries.values_list("index_entry__object_id", flat=True))

    assert str(page.pk) in matched("hydrogen")
    assert matched("xylophone") == set()


@pytest.mark.django_db
@pytest.mark.skipif(not ON_POSTGRESQL, reason="PostgreSQL's search backend")
def test_modelsearch_postgres_build_tsquery_and_F__combine_find_entries(home_page):
    from wagtail.search.models import IndexEntry

    page = StandardPageFactory(parent=home_page, title="Hydrogen valley")
    backend = get_search_backend()
    assert internals.is_postgresql_backend(backend)

    def matched(words):
        entries = IndexEntry.objects.annotate(
            _vector_=internals.concatenated("title", "body")
        ).filter(_vector_=internals.postgresql_tsquery(backend, words))
        return set(entries.values_list("object_id", flat=True))

    assert str(page.pk) in matched("hydrogen")
    assert matched("xylophone") == set()


def test_F__combine_joins_two_fields_with_the_connector():
    expression = internals.concatenated("title", "body")

    assert expression.connector == "||"
    assert (expression.lhs.name, expression.rhs.name) == ("title", "body")


def test_django_csp_skips_a_response_marked__csp_exempt():
    def respond(exempt):
        response = HttpResponse("<p>PDF</p>")
        if exempt:
            internals.exempt_from_csp(response)
        return CSPMiddleware(lambda request: response)(RequestFactory().get("/"))

    assert "Content-Security-Policy" in respond(exempt=False)
    assert "Content-Security-Policy" not in respond(exempt=True)


@pytest.mark.django_db
def test_create_permissions_needs_models_module_which_migrations_lack():
    apps = MigrationExecutor(connection).loader.project_state().apps
    Permission.objects.filter(codename="change_sitesettings").delete()
    assert getattr(apps.get_app_config("portal"), "models_module", None) is None

    internals.create_all_permissions(apps)

    assert getattr(apps.get_app_config("portal"), "models_module", None) is None
    assert Permission.objects.filter(codename="change_sitesettings").exists()


def test_lazy_object__wrapped_emptied_sets_it_up_again():
    made = []

    class Counted(LazyObject):
        def _setup(self):
            made.append(1)
            self._wrapped = [len(made)]

    lazy = Counted()
    assert lazy[0] == 1 and lazy[0] == 1

    internals.forget_lazy_object(lazy)

    assert lazy[0] == 2
