"""A misspelt search that finds nothing suggests the site's own word, the same on
SQLite and PostgreSQL (the nearest word is chosen in Python)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_misspelling_suggests_the_sites_word(client, seeded_site):
    html = client.get("/search/", {"q": "entreprise"}).content.decode()

    assert "No results for “entreprise”" in html
    assert 'Did you mean <a href="/search/?q=enterprise">enterprise</a>?' in html


def test_only_the_misspelt_word_is_corrected(client, seeded_site):
    html = client.get("/search/", {"q": "growth fnud"}).content.decode()

    assert 'Did you mean <a href="/search/?q=growth%20fund">growth fund</a>?' in html


def test_a_search_with_results_or_nothing_near_suggests_nothing(client, seeded_site):
    assert (
        "Did you mean"
        not in client.get("/search/", {"q": "enterprise"}).content.decode()
    )
    assert "Did you mean" not in client.get("/search/", {"q": "qzxwv"}).content.decode()
