"""The sitemap is an index of sections, each paged within the protocol's limits."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.sitemaps import MeetingSitemap
from tests.factories import StandardPageFactory
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FundedProjectFactory,
    FundFactory,
    FundingIndexPageFactory,
)
from tests.meetings.factories import (
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingIndexPageFactory,
)
from tests.sitemaps import locations, sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page):
    StandardPageFactory(parent=home_page, slug="about")
    MeetingIndexPageFactory(parent=home_page)
    FundingIndexPageFactory(parent=home_page)
    return home_page


def test_the_index_lists_a_section_per_kind_with_its_last_change(client, site):
    MeetingFactory(committee=CommitteeFactory(slug="board"))
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert "<sitemapindex" in xml
    for section in [
        "pages",
        "meetings",
        "papers",
        "committees",
        "projects",
        "sites",
        "funds",
        "funding",
    ]:
        assert f"<loc>http://testserver/sitemap-{section}.xml</loc>" in xml
    assert "<lastmod>" in xml
    assert "Last-Modified" not in response  # Pages built by factories have none.


def test_every_public_kind_is_listed_and_drafts_are_not(client, site):
    board = CommitteeFactory(slug="board")
    meeting = MeetingFactory(committee=board)
    MeetingFactory(committee=CommitteeFactory(slug="secret"), live=False)
    paper = MeetingDocumentFactory(meeting=meeting)
    FundedProjectFactory(identifier="netpark", fund=FundFactory(slug="lgf"))
    FundedProjectFactory(identifier="draft-project", live=False)
    EnterpriseZoneSiteFactory(slug="fairmoor")

    xml = sitemap_text(client)

    for path in [
        "/about/",
        "/meetings/",
        f"/meetings/board/{meeting.pk}/",
        f"/meetings/documents/{paper.pk}/",
        "/meetings/board/",
        "/funding/",
        "/funding/projects/",
        "/funding/projects/netpark/",
        "/funding/enterprise-zones/",
        "/funding/enterprise-zones/fairmoor/",
        "/funding/funds/lgf/",
    ]:
        assert re.search(rf"<loc>http://[^<]+{re.escape(path)}</loc>", xml), path
    assert "draft-project" not in xml and "/secret/" not in xml


def test_each_listed_address_has_its_last_change(client, site):
    MeetingFactory(committee=CommitteeFactory(slug="board"))
    FundedProjectFactory(identifier="netpark")
    EnterpriseZoneSiteFactory(slug="fairmoor")
    for section in ["meetings", "projects", "committees", "funding"]:
        xml = client.get(f"/sitemap-{section}.xml").content.decode()
        assert xml.count("<url>") == xml.count("<lastmod>") > 0, section


def test_a_long_section_is_paged_and_every_page_is_in_the_index(
    client, site, monkeypatch
):
    monkeypatch.setattr(MeetingSitemap, "limit", 3)
    board = CommitteeFactory(slug="board")
    meetings = [MeetingFactory(committee=board) for _ in range(7)]

    index = locations(client, "/sitemap.xml")
    pages = [url for url in index if "sitemap-meetings.xml" in url]
    assert pages == [
        "http://testserver/sitemap-meetings.xml",
        "http://testserver/sitemap-meetings.xml?p=2",
        "http://testserver/sitemap-meetings.xml?p=3",
    ]
    listed = sum(
        (locations(client, url.removeprefix("http://testserver")) for url in pages),
        [],
    )
    assert len(listed) == 7
    assert listed[-1].endswith(f"/meetings/board/{meetings[-1].pk}/")
    assert client.get("/sitemap-meetings.xml?p=4").status_code == 404


def test_the_sitemap_reads_the_same_queries_at_any_size(client, site, monkeypatch):
    monkeypatch.setattr(MeetingSitemap, "limit", 5)
    board = CommitteeFactory(slug="board")

    def queries(path):
        client.get(path)  # What any page reads once is cached after a change.
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    MeetingFactory.create_batch(6, committee=board)
    small = (queries("/sitemap.xml"), queries("/sitemap-meetings.xml?p=2"))
    MeetingFactory.create_batch(40, committee=board)
    large = (queries("/sitemap.xml"), queries("/sitemap-meetings.xml?p=9"))
    assert small == large
    assert small[0] <= 2 * 9 + 4  # A count and a latest change per section.


def test_no_section_may_list_more_than_the_protocol_allows():
    from portal.sitemaps import SITEMAPS

    for name, sitemap in SITEMAPS.items():
        assert sitemap.limit <= 50_000, name
