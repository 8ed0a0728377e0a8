"""Every kind of public page on the seeded site, the strategy's included: no axe
violation (WCAG 2.2 AA) and no sideways scrolling at 320, 375 and 1280 px. The funding
pages have their own test (tests/funding/test_funding_pages_fit_a_phone.py)."""

import pytest

from meetings.models import Decision, Meeting, MeetingDocument, Person
from tests.accessibility import axe_violations_at_widths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVERY_WIDTH = (320, 375, 1280)


@pytest.fixture
def seeded_server(live_server, seeded_site):
    return live_server.url


def page_types():
    """One address of each kind of public page, from the seeded records."""
    meeting = Meeting.objects.public().order_by("-start").first()
    paper = MeetingDocument.objects.public().order_by("pk").first()
    paths = {
        "home": "/",
        "strategy": "/industrial-strategy/",
        "theme": "/industrial-strategy/clean-growth/",
        "event": "/industrial-strategy/engagement-summit/",
        "faqs": "/faqs/",
        "accessibility statement": "/accessibility/",
        "search results": "/search/?q=enterprise+zones",
        "not found": "/no-such-page/",
        "meetings": "/meetings/",
        "committee": f"/meetings/{meeting.committee.slug}/",
        "meeting": meeting.url,
        "other format form": f"/meetings/documents/{paper.pk}/other-format/",
        "board": "/board/",
        "past members": "/board/past/",
        "decisions register": "/board/decisions/",
        "forward plan": "/board/forward-plan/",
        "contact": "/contact/",
        "about": "/about/",
    }
    member = Person.objects.public().order_by("pk").first()
    if member:
        paths["board member"] = member.url
    decision = Decision.objects.public().order_by("pk").first()
    if decision:
        paths["decision"] = decision.url
    return paths


def test_every_public_page_type_passes_axe_at_phone_and_desktop_widths(
    page, seeded_server
):
    problems = {}
    for name, path in page_types().items():
        found = axe_violations_at_widths(page, seeded_server + path, EVERY_WIDTH)
        if found:
            problems[f"{name} ({path})"] = found
    assert problems == {}
