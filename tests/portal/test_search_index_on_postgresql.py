"""PostgreSQL serves every site search from one GIN index (portal/0003 and 0004)."""

import pytest
from django.db import connection

from portal.search import prefilter

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's search index"
    ),
]

INDEX = "portal_search_title_body_gin"


def test_the_index_covers_what_searches_ask_and_takes_entries_at_once():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_indexdef(c.oid), c.reloptions FROM pg_class c "
            "WHERE c.relname = %s",
            [INDEX],
        )
        definition, options = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition
    assert "fastupdate=off" in options


def test_asking_which_kinds_match_uses_the_index():
    entries = prefilter._postgresql_matches(prefilter.get_search_backend(), "growth")
    sql, params = entries.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert INDEX in plan
