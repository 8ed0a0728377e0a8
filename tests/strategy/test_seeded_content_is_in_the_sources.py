"""Every sentence the seed publishes comes from the seed files (facts.md, the strategy
page), is labelled as an example, or is true of the software itself."""

import re

import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/about/",
    "/meetings/",
    "/industrial-strategy/",
    "/industrial-strategy/clean-growth/",
    "/industrial-strategy/places/",
    "/faqs/",
    "/privacy/",
    "/cookies/",
    "/accessibility/",
    "/funding/",
    "/funding/funds/local-growth-fund/",
    "/funding/enterprise-zones/",
]

NOT_IN_THE_SOURCES = [
    "meet in public",
    "brings business, education and the public sector together",
    "The UK Grand Challenge to",
    "The Foundation of Productivity for",
    "Related themes",
    "Funded by UK Government",
    '<p class="card__label">UK Government</p>',
    "Further Growth Deal allocation",
    ">Investment sub-board<",
    ">Strategy sub-board<",
    "Staff delete messages",
    "before each release",
    "We intend to publish this early 2020",
    " . Source:",
]


def visible_text(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    html = response.content.decode()
    return html, " ".join(strip_tags(html).split())


@pytest.fixture
def site_text(client, seeded_site):
    return {path: visible_text(client, path) for path in PAGES}


def test_no_page_makes_a_claim_outside_the_seed_files(site_text):
    for path, (html, text) in site_text.items():
        for claim in NOT_IN_THE_SOURCES:
            assert claim not in html and claim not in text, (path, claim)


def test_the_seeds_own_words_are_where_the_seed_puts_them(site_text):
    strategy = site_text["/industrial-strategy/"][1]
    assert "Find out more" in strategy
    assert "join our mailing list" in strategy
    assert "the 21 Enterprise Zone sites" in site_text["/faqs/"][1]
    assert "said we intended to publish it in early 2020" in strategy


def test_privacy_and_cookies_say_what_the_site_does(site_text):
    privacy = site_text["/privacy/"][1]
    for words in ("controller", "lawful basis", "tile server", "logs for"):
        assert words in privacy, words
    cookies = site_text["/cookies/"][1]
    assert "Opening the contact form sets" in cookies and "csrftoken" in cookies


def test_the_accessibility_statement_has_its_date_and_known_issues(site_text):
    statement = site_text["/accessibility/"][1]
    assert "Known issues" in statement
    assert re.search(r"prepared on \d{1,2} \w+ 20\d\d", statement)


def test_the_contact_form_really_sets_the_cookie_the_cookies_page_names(
    client, seeded_site
):
    assert "csrftoken" not in client.get("/").cookies
    assert "csrftoken" in client.get("/contact/").cookies


def test_example_papers_keep_their_label_readable(seeded_site):
    from meetings.models import MeetingDocument

    document = MeetingDocument.objects.filter(text__contains="EXAMPLE").first()
    assert "EXAMPLE:" in document.text and "EXAMPLE ?" not in document.text
