"""Every public URL answers hostile query strings with a page, never a server error."""

from urllib.parse import urlencode

import pytest

from tests.portal.public_urls import public_urls, seeded_portal

# Every query parameter a public view reads, and one that none does.
PARAMETERS = [
    "page",
    "p",
    "q",
    "year",
    "committee",
    "fund",
    "local_authority",
    "stage",
    "zone_round",
    "utm_source",
]
SCRIPT = '<script>alert("hostile")</script>'
HOSTILE_VALUES = {
    "letters": "abc",
    "negative": "-1",
    "huge": "99999999999999999999",
    "superscript digits": "²０²⁵",
    "script": SCRIPT,
    "very long": "x" * 10_000,
    "blank": "  ",
    "sql": "1' OR '1'='1",
    "year 1": "0001",
    "year 9999": "9999",
}
# What each refusal says, so that no error page leaves a visitor guessing.
HELPFUL = {
    400: ("The web address could not be understood", "This link does not work"),
    404: ("Page not found",),
}
# Answers other than 200 that a URL gives whatever its query string.
EXPECTED_STATUS = {
    "not found": 404,
    "confirm": 400,
    "unsubscribe": 400,
    "erase confirm": 400,
}


@pytest.fixture(scope="module")
def urls(django_db_setup, django_db_blocker):
    yield from seeded_portal(django_db_blocker)


def names():
    # The URL names, without building the portal at collection time.
    return [
        "HomePage",
        "StrategyPage",
        "ThemePage",
        "FAQPage",
        "EventPage",
        "StandardPage",
        "ContactPage",
        "meetings",
        "meetings feed",
        "committee",
        "committee feed",
        "meeting",
        "meeting document",
        "calendar",
        "committee calendar",
        "meeting calendar",
        "agenda pack",
        "funding",
        "fund",
        "projects",
        "project",
        "enterprise zones",
        "enterprise zone",
        "projects.csv",
        "projects.json",
        "rounds.csv",
        "enterprise-zones.csv",
        "enterprise-zones.geojson",
        "360giving.json",
        "document",
        "mailing list",
        "alerts",
        "check your inbox",
        "confirm",
        "unsubscribe",
        "erasure request",
        "erasure requested",
        "erase confirm",
        "search",
        "sitemap",
        "robots",
        "not found",
    ]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_answered_helpfully(response):
    assert response.status_code < 500
    content = body(response)
    assert SCRIPT.encode() not in content
    if response.status_code >= 400:
        helpful = HELPFUL[response.status_code]
        assert any(text.encode() in content for text in helpful)


@pytest.mark.django_db
def test_the_list_of_urls_is_every_public_view(urls):
    assert sorted(urls) == sorted(names())
    assert set(public_urls()) == set(urls)


@pytest.mark.django_db
@pytest.mark.parametrize("name", names())
def test_every_hostile_value_in_every_parameter_gets_a_page(client, urls, name):
    expected = EXPECTED_STATUS.get(name, 200)
    for label, value in HOSTILE_VALUES.items():
        query = urlencode(dict.fromkeys(PARAMETERS, value))
        response = client.get(f"{urls[name]}?{query}")
        assert_answered_helpfully(response)
        # The sitemap's own ?p= page number answers 404 when it is not a page.
        if name != "sitemap":
            assert response.status_code == expected, (label, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("name", names())
def test_unreadable_addresses_get_a_bad_request_that_says_why(client, urls, name):
    url = urls[name]
    unreadable = {
        f"{url}?q=1%00": b"NUL character",
        f"{url}%00": b"NUL character",
        f"{url}?q=caf%E9": b"not valid UTF-8",
    }
    for address, reason in unreadable.items():
        response = client.get(address)
        assert response.status_code == 400, address
        assert_answered_helpfully(response)
        assert reason in response.content


@pytest.mark.django_db
def test_too_many_parameters_get_the_bad_request_page(client, urls):
    query = "&".join(f"p{n}=1" for n in range(10_001))
    response = client.get(f"/search/?{query}")
    assert response.status_code == 400
    assert_answered_helpfully(response)
    assert b"could not be read" in response.content


@pytest.mark.django_db
def test_an_unknown_host_gets_the_bad_request_page(client, urls):
    response = client.get(urls["HomePage"], HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert_answered_helpfully(response)


@pytest.mark.django_db
def test_full_text_syntax_in_a_search_is_only_words_to_look_for(client, urls):
    # Found by hypothesis: on SQLite a lone double quote was an FTS5 syntax error.
    for q in ['"', '"growth', "!", "OR", "x NEAR y", "a*", "(x", "x:y", "^x"]:
        response = client.get("/search/", {"q": q})
        assert response.status_code == 200, q
