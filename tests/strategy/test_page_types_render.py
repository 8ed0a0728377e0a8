import datetime
import json
import re

import pytest

from strategy.models import Milestone, RelatedTheme, ThemePage
from tests.factories import (
    EventPageFactory,
    FAQPageFactory,
    StandardPageFactory,
    StrategyPageFactory,
    ThemePageFactory,
    paragraph,
)

pytestmark = pytest.mark.django_db


def json_ld(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in blocks]


def test_home_page_shows_heading_summary_and_sections(client, home_page):
    StandardPageFactory(parent=home_page, title="About us", show_in_menus=True)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "A confident North East" in html
    assert "The partnership&#x27;s home page." in html
    assert "About us" in html
    assert '<a class="skip-link" href="#main-content">' in html


def test_strategy_page_lists_its_themes_by_kind_and_its_timeline(client, home_page):
    strategy = StrategyPageFactory(parent=home_page, slug="strategy")
    ThemePageFactory(
        parent=strategy, title="Clean growth", kind=ThemePage.Kind.GRAND_CHALLENGE
    )
    ThemePageFactory(parent=strategy, title="Ideas", kind=ThemePage.Kind.FOUNDATION)
    Milestone.objects.create(
        page=strategy, title="Engagement Summit", date=datetime.date(2019, 7, 16)
    )
    Milestone.objects.create(
        page=strategy, title="Evidence base", date_label="Early 2020"
    )

    html = client.get("/strategy/").content.decode()

    challenges = html.index("The Grand Challenges")
    foundations = html.index("The Foundations of Productivity")
    assert challenges < html.index("Clean growth") < foundations < html.index("Ideas")
    assert "Status: In development" in html and "runs to 2030" in html
    assert '<time datetime="2019-07-16">16 July 2019</time>' in html
    assert "Early 2020" in html


def test_theme_page_shows_kind_body_and_related_themes(client, home_page):
    strategy = StrategyPageFactory(parent=home_page, slug="strategy")
    people = ThemePageFactory(
        parent=strategy, title="People", kind=ThemePage.Kind.FOUNDATION
    )
    theme = ThemePageFactory(
        parent=strategy,
        title="The ageing society",
        slug="ageing",
        body=paragraph("<p>Meeting the needs of an ageing society.</p>"),
    )
    RelatedTheme.objects.create(page=theme, theme=people)

    html = client.get("/strategy/ageing/").content.decode()

    assert "Grand Challenge" in html
    assert "Meeting the needs of an ageing society." in html
    assert "Related themes" in html and "People" in html
    assert '<ol>\n    <li><a href="/">Home</a></li><li><a href="/strategy/">' in html


def test_faq_page_groups_questions_with_anchors_details_and_json_ld(client, home_page):
    FAQPageFactory(
        parent=home_page,
        slug="faqs",
        faqs=[
            (
                "group",
                {
                    "heading": "The strategy",
                    "questions": [
                        {
                            "question": "What is the LIS?",
                            "anchor": "",
                            "answer": "<p>A plan.</p>",
                        },
                        {
                            "question": "What is the LIS?",
                            "anchor": "",
                            "answer": "<p>Again.</p>",
                        },
                        {
                            "question": "Evidence?",
                            "anchor": "evidence",
                            "answer": "<p>2020.</p>",
                        },
                    ],
                },
            )
        ],
    )

    html = client.get("/faqs/").content.decode()

    assert '<h2 id="group-1">The strategy</h2>' in html
    assert '<details class="faq" id="what-is-the-lis">' in html
    assert '<details class="faq" id="what-is-the-lis-2">' in html
    assert '<details class="faq" id="evidence">' in html
    (data,) = json_ld(html)
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == [
        "What is the LIS?",
        "What is the LIS?",
        "Evidence?",
    ]
    assert data["mainEntity"][2]["acceptedAnswer"]["text"] == "2020."


def test_event_page_shows_date_attendance_outcome_and_event_json_ld(client, home_page):
    strategy = StrategyPageFactory(parent=home_page, slug="strategy")
    EventPageFactory(
        parent=strategy,
        slug="summit",
        outcome="<p>Thematic discussions.</p>",
        place="Newcastle upon Tyne",
    )

    html = client.get("/strategy/summit/").content.decode()

    assert "Tuesday 16 July 2019" in html
    assert "Over 350 delegates" in html
    assert "Thematic discussions." in html
    (data,) = json_ld(html)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2019-07-16"
    assert data["location"]["name"] == "Newcastle upon Tyne"


def test_event_end_date_before_start_is_refused(home_page):
    from django.core.exceptions import ValidationError

    event = EventPageFactory.build(date=datetime.date(2019, 7, 16))
    event.end_date = datetime.date(2019, 7, 15)
    with pytest.raises(ValidationError, match="must not be before"):
        event.clean()


def test_standard_page_shows_summary_and_body(client, home_page):
    StandardPageFactory(
        parent=home_page,
        slug="cookies",
        title="Cookies",
        body=paragraph("<p>We set no tracking cookies.</p>"),
    )
    html = client.get("/cookies/").content.decode()
    assert "<h1>Cookies</h1>" in html
    assert "We set no tracking cookies." in html


def test_json_ld_cannot_break_out_of_its_script_element(client, home_page):
    strategy = StrategyPageFactory(parent=home_page, slug="strategy")
    EventPageFactory(parent=strategy, slug="summit", title="</script><script>alert(1)")
    html = client.get("/strategy/summit/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)[0]["name"] == "</script><script>alert(1)"


def test_page_types_cannot_be_placed_anywhere(home_page):
    from strategy.models import EventPage, FAQPage, HomePage, StandardPage, StrategyPage

    assert ThemePage.allowed_parent_page_models() == [StrategyPage]
    assert set(StrategyPage.allowed_subpage_models()) == {ThemePage, FAQPage, EventPage}
    assert not HomePage.can_create_at(home_page)
    assert StandardPage.can_create_at(home_page)
    assert not ThemePage.can_create_at(home_page)
