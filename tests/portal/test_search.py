import pytest

from portal.search import highlight
from tests.factories import (
    StandardPageFactory,
    StrategyPageFactory,
    ThemePageFactory,
    paragraph,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    strategy = StrategyPageFactory(parent=home_page, slug="strategy")
    ThemePageFactory(
        parent=strategy,
        title="Clean growth",
        summary="Maximise the advantages from the global shift to clean growth.",
    )
    StandardPageFactory(
        parent=home_page,
        title="About the partnership",
        body=paragraph("<p>We bring business and education together.</p>"),
    )
    return strategy


def test_search_finds_live_pages_with_highlighted_summaries(client, pages):
    html = client.get("/search/", {"q": "clean growth"}).content.decode()
    assert "1 result for “clean growth”" in html
    assert "Clean growth</a>" in html
    assert "<mark>clean</mark> <mark>growth</mark>" in html


def test_search_never_shows_draft_or_private_pages(client, pages, home_page):
    draft = StandardPageFactory(
        parent=home_page, title="Secret growth plan", live=False
    )
    assert not draft.live
    html = client.get("/search/", {"q": "secret"}).content.decode()
    assert "Secret growth plan" not in html
    assert "No results for “secret”" in html


def test_search_paginates_results(client, home_page):
    for n in range(12):
        StandardPageFactory(parent=home_page, title=f"Productivity note {n}")
    first = client.get("/search/", {"q": "productivity"}).content.decode()
    second = client.get("/search/", {"q": "productivity", "page": "2"}).content.decode()
    assert "12 results" in first
    assert "Page 1 of 2" in first and 'href="?q=productivity&amp;page=2"' in first
    assert "Page 2 of 2" in second
    assert second.count('class="search-result"') == 2


@pytest.mark.parametrize(
    "params",
    [
        {"q": "growth", "page": "abc"},
        {"q": "growth", "page": "-1"},
        {"q": "growth", "page": "99999999999999999999"},
        {"q": "x" * 10_000},
        {"q": "<script>alert(1)</script>"},
        {"q": ""},
        {"unknown": "1"},
    ],
)
def test_search_handles_hostile_query_strings(client, pages, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_very_long_search_is_shortened_with_a_message(client, pages):
    html = client.get("/search/", {"q": "growth " * 100}).content.decode()
    assert "shortened to its first 200 characters" in html


def test_highlight_escapes_html_and_centres_on_the_match():
    text = "<b>intro</b> " + "filler " * 80 + "the clean growth & jobs"
    summary = highlight(text, "growth")
    assert summary.startswith("…")
    assert "<mark>growth</mark> &amp; jobs" in summary
    assert "<b>" not in summary


def test_the_passage_shown_comes_from_the_body_where_the_words_match(client, pages):
    html = client.get("/search/", {"q": "education"}).content.decode()
    assert "About the partnership</a>" in html
    assert "We bring business and <mark>education</mark> together." in html


def test_highlight_marks_whole_words_that_start_with_a_term():
    assert "our <mark>funding</mark> and" in highlight("our funding and", "fund")
