"""Whatever text a visitor puts in the query string, parsing it gives a usable value."""

import pytest
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import query
from portal.security import unreadable_requests
from tests.meetings.factories import MeetingFactory, MeetingIndexPageFactory

ANY_TEXT = st.text(max_size=300)
# Digits from every script, signs and spaces: the text most likely to fool a parser.
NUMBER_LIKE = st.text(
    alphabet=st.sampled_from("0123456789-+ .e²٣０\t\n\u00a0")
    | st.characters(codec="utf-8"),
    max_size=25,
)
requests = RequestFactory()


def get(**params):
    return requests.get("/", params)


@given(NUMBER_LIKE | ANY_TEXT)
def test_any_page_number_is_a_page_from_1(raw):
    number = query.page_number(get(page=raw))
    assert isinstance(number, int)
    assert 1 <= number <= query.MAX_PAGE
    if raw.strip().isascii() and raw.strip().isdigit() and int(raw) <= query.MAX_PAGE:
        assert number == max(int(raw), 1)


@given(st.integers(min_value=1, max_value=query.MAX_PAGE))
def test_every_page_number_in_range_is_read_back(number):
    assert query.page_number(get(page=str(number))) == number


@given(NUMBER_LIKE | ANY_TEXT)
def test_any_year_is_a_year_in_range_or_a_message(raw):
    year, error = query.year(raw)
    if year is None:
        assert error is None if not raw.strip() else error == query.YEAR_ERROR
    else:
        assert error is None
        assert query.MIN_YEAR <= year <= query.MAX_YEAR
        assert str(year) == raw.strip()


@given(st.integers(min_value=query.MIN_YEAR, max_value=query.MAX_YEAR))
def test_every_year_in_range_is_read_back(year):
    assert query.year(f" {year} ") == (year, None)


@given(ANY_TEXT | st.text(min_size=150, max_size=12_000))
def test_any_search_is_short_printable_words(raw):
    words, shortened = query.search_query(raw)
    assert len(words) <= query.MAX_SEARCH_LENGTH
    assert words == words.strip()
    assert "  " not in words
    assert all(character.isprintable() for character in words)
    if shortened:
        assert len(raw) > query.MAX_SEARCH_LENGTH
    normalised = " ".join(raw.split())
    if raw.isprintable() and len(normalised) <= query.MAX_SEARCH_LENGTH:
        assert (words, shortened) == (normalised, False)


@given(st.binary(max_size=60))
def test_any_query_string_bytes_are_read_or_refused_with_a_reason(raw):
    encoded = "".join(f"%{byte:02X}" for byte in raw)
    request = requests.get(f"/?q={encoded}")
    problem = unreadable_requests.problem_with(request)
    if b"\0" in raw:
        assert problem == unreadable_requests.NUL_PROBLEM
    else:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            assert problem == unreadable_requests.ENCODING_PROBLEM
        else:
            assert problem is None


@pytest.mark.slow
@pytest.mark.django_db
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    page=NUMBER_LIKE,
    year=NUMBER_LIKE,
    committee=ANY_TEXT,
    q=st.text(max_size=40),
)
def test_the_meetings_listing_and_search_answer_any_query(
    client, home_page, page, year, committee, q
):
    if not MeetingIndexPageFactory._meta.model.objects.exists():
        MeetingFactory(committee__slug="board")
        MeetingIndexPageFactory(parent=home_page)
    params = {"page": page, "year": year, "committee": committee, "q": q}
    for url in ("/meetings/board/", "/search/"):
        response = client.get(url, params)
        if response.status_code == 400:
            assert b"NUL character" in response.content
            assert any("\0" in value for value in params.values())
        else:
            assert response.status_code == 200
