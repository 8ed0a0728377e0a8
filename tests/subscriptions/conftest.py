import re

import pytest
from django.core import mail

LINK = re.compile(r"https?://\S+")


def links_in(message):
    return LINK.findall(message.body)


def link_to(message, fragment):
    """The absolute link in ``message`` whose path contains ``fragment``."""
    matches = [link for link in links_in(message) if fragment in link]
    assert matches, f"no {fragment} link in: {message.body}"
    return matches[0]


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox


@pytest.fixture
def meetings_index(home_page):
    from tests.meetings.factories import MeetingIndexPageFactory

    return MeetingIndexPageFactory(parent=home_page)
