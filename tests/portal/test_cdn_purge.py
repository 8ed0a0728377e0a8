"""A change tells the CDN to drop every URL that showed the changed thing.

A small HTTP server in a thread stands in for Varnish and records the PURGE requests
that Wagtail's HTTP frontend cache backend sends it.
"""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from portal import sitemaps
from portal.caching import changes
from strategy.models import StandardPage
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FigureFactory,
    FundedProjectFactory,
    FundFactory,
    FundingIndexPageFactory,
)
from tests.meetings.factories import (
    BoardIndexPageFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingIndexPageFactory,
)

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def purge_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def purged(purge_server, settings, home_page):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{purge_server.server_port}",
        }
    }
    purge_server.purged.clear()
    return purge_server.purged


def paths(purged):
    return {path for _host, path in purged}


def test_publishing_a_meeting_purges_its_pages_listings_and_feeds(
    purged, home_page, django_capture_on_commit_callbacks
):
    MeetingIndexPageFactory(parent=home_page)
    board = CommitteeFactory(slug="board")
    meeting = MeetingFactory(committee=board, live=False)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()

    assert {
        "/",
        "/meetings/",
        "/meetings/feed/",
        "/meetings/board/",
        "/meetings/board/feed/",
        f"/meetings/board/{meeting.pk}/",
        "/meetings/calendar.ics",
        "/meetings/board/calendar.ics",
        f"/meetings/board/{meeting.pk}/calendar.ics",
        "/sitemap.xml",
    } <= paths(purged)
    assert {host for host, _path in purged} == {"localhost"}


def test_publishing_a_paper_purges_the_meetings_open_data_files(
    purged, home_page, django_capture_on_commit_callbacks
):
    MeetingIndexPageFactory(parent=home_page)
    BoardIndexPageFactory(parent=home_page)
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        MeetingDocumentFactory(meeting=meeting)

    assert {
        f"/board/{name}.{format}"
        for name in ("committees", "meetings", "agenda-items", "papers")
        for format in ("json", "csv")
    } <= paths(purged)


def test_a_funding_project_purges_the_overview_lists_and_open_data(
    purged, home_page, django_capture_on_commit_callbacks
):
    FundingIndexPageFactory(parent=home_page)
    fund = FundFactory(slug="growth-fund")
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        FundedProjectFactory(fund=fund, identifier="harbour")

    assert {
        "/funding/",
        "/funding/projects/",
        "/funding/projects/harbour/",
        "/funding/funds/growth-fund/",
        "/funding/enterprise-zones/",
        "/funding/projects.csv",
        "/funding/projects.json",
        "/funding/360giving.json",
    } <= paths(purged)


def test_a_funding_figure_purges_the_home_page_that_may_show_it(
    purged, home_page, django_capture_on_commit_callbacks
):
    FundingIndexPageFactory(parent=home_page)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        FigureFactory(is_headline=True)

    assert {"/", "/funding/"} <= paths(purged)


def test_publishing_a_page_purges_it_its_parent_and_the_home_page(
    purged, home_page, django_capture_on_commit_callbacks
):
    section = StandardPage(title="Our work", slug="our-work")
    home_page.add_child(instance=section)
    section.save_revision().publish()
    child = StandardPage(title="Skills", slug="skills")
    section.add_child(instance=child)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision().publish()

    assert {"/our-work/skills/", "/our-work/", "/"} <= paths(purged)


def test_a_page_in_the_menu_purges_every_page(
    purged, home_page, django_capture_on_commit_callbacks
):
    about = StandardPage(title="About", slug="about")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    news = StandardPage(title="News", slug="news", show_in_menus=True)
    home_page.add_child(instance=news)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        news.save_revision().publish()

    assert {"/news/", "/about/", "/"} <= paths(purged)


def test_nothing_is_purged_before_the_transaction_commits(purged, home_page):
    FundingIndexPageFactory(parent=home_page)
    purged.clear()
    with transaction.atomic():
        FundFactory(slug="growth-fund")
        assert purged == []


def test_an_import_purges_once_at_the_end(
    purged, home_page, django_capture_on_commit_callbacks
):
    FundingIndexPageFactory(parent=home_page)
    fund = FundFactory(slug="growth-fund")
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with changes.one_change():
            for n in range(3):
                FundedProjectFactory(fund=fund, identifier=f"project-{n}")

    purges = [call for call in callbacks if "purge" in repr(call)]
    assert len(purges) == 1
    assert {f"/funding/projects/project-{n}/" for n in range(3)} <= paths(purged)
    assert len(purged) == len(set(purged))


def test_replacing_an_image_purges_every_page_and_record_that_shows_it(
    purged, home_page, django_capture_on_commit_callbacks
):
    FundingIndexPageFactory(parent=home_page)
    data = io.BytesIO()
    PillowImage.new("RGB", (60, 40), "teal").save(data, "PNG")
    image = get_image_model().objects.create(
        title="Quay", file=ContentFile(data.getvalue(), name="quay.png")
    )
    page = StandardPage(title="Quay", slug="quay", body=[("image", image)])
    home_page.add_child(instance=page)
    page.save_revision().publish()
    EnterpriseZoneSiteFactory(slug="dun-cow-quay", image=image)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Quayside"
        image.save()

    assert {
        "/quay/",
        "/funding/enterprise-zones/",
        "/funding/enterprise-zones/dun-cow-quay/",
    } <= paths(purged)


def test_moving_a_page_purges_its_old_addresses_and_old_parent(
    purged, home_page, django_capture_on_commit_callbacks
):
    section = StandardPage(title="Our work", slug="our-work")
    home_page.add_child(instance=section)
    section.save_revision().publish()
    child = StandardPage(title="Skills", slug="skills")
    section.add_child(instance=child)
    child.save_revision().publish()
    grandchild = StandardPage(title="Apprenticeships", slug="apprenticeships")
    child.add_child(instance=grandchild)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        child.move(home_page, pos="last-child")

    assert {
        "/our-work/skills/",
        "/our-work/skills/apprenticeships/",
        "/our-work/",
        "/skills/",
    } <= paths(purged)


def test_renaming_a_page_purges_its_old_address(
    purged, home_page, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Skills", slug="skills")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "skills-and-training"
        page.save_revision().publish()

    assert {"/skills/", "/skills-and-training/"} <= paths(purged)


def test_moving_a_meeting_to_another_committee_purges_its_old_address(
    purged, home_page, django_capture_on_commit_callbacks
):
    MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting.committee = CommitteeFactory(slug="skills-board")
        meeting.save()

    assert {
        f"/meetings/board/{meeting.pk}/",
        "/meetings/board/",
        f"/meetings/skills-board/{meeting.pk}/",
        "/meetings/skills-board/",
    } <= paths(purged)


def test_publishing_a_decision_purges_the_register_its_page_and_its_meeting(
    purged, home_page, django_capture_on_commit_callbacks
):
    from tests.meetings.factories import BoardIndexPageFactory, DecisionFactory

    MeetingIndexPageFactory(parent=home_page)
    BoardIndexPageFactory(parent=home_page)
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    decision = DecisionFactory(agenda_item__meeting=meeting, live=False)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decision.save_revision().publish()

    assert {
        "/board/decisions/",
        f"/board/decisions/{decision.pk}/",
        "/board/decisions/feed/",
        "/board/decisions.json",
        "/board/decisions.csv",
        "/board/forward-plan/",
        "/board/forward-plan.json",
        f"/meetings/board/{meeting.pk}/",
    } <= paths(purged)


@pytest.fixture
def fresh_sitemap_paths(monkeypatch):
    monkeypatch.setattr(sitemaps, "_kept", {})


def test_a_project_purges_the_sitemap_sections_listing_it(
    purged, home_page, fresh_sitemap_paths, django_capture_on_commit_callbacks
):
    FundingIndexPageFactory(parent=home_page)
    fund = FundFactory(slug="growth-fund")
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        FundedProjectFactory(fund=fund, identifier="harbour")

    assert {
        "/sitemap.xml",
        "/sitemap-projects.xml",
        "/sitemap-funding.xml",
    } <= paths(purged)
    assert not {"/sitemap-meetings.xml", "/sitemap-sites.xml"} & paths(purged)


def test_a_meeting_purges_its_sitemap_sections_not_the_others(
    purged, home_page, fresh_sitemap_paths, django_capture_on_commit_callbacks
):
    MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"), live=False)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()

    assert {"/sitemap-meetings.xml", "/sitemap-committees.xml"} <= paths(purged)
    assert "/sitemap-projects.xml" not in paths(purged)


def test_every_page_of_a_long_sitemap_section_is_purged(
    purged,
    home_page,
    fresh_sitemap_paths,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    FundingIndexPageFactory(parent=home_page)
    fund = FundFactory(slug="growth-fund")
    FundedProjectFactory.create_batch(4, fund=fund)
    monkeypatch.setattr(sitemaps.RecordSitemap, "limit", 2)
    sitemaps._kept.clear()  # Forget the page counts of a minute ago.
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        FundedProjectFactory(fund=fund, identifier="harbour")

    assert {
        "/sitemap-projects.xml",
        "/sitemap-projects.xml?p=2",
        "/sitemap-projects.xml?p=3",
    } <= paths(purged)
    assert "/sitemap-projects.xml?p=4" not in paths(purged)


def test_a_page_purges_the_pages_sitemap_section(
    purged, home_page, fresh_sitemap_paths, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Accessibility", slug="accessibility")
    home_page.add_child(instance=page)
    purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert {"/sitemap.xml", "/sitemap-pages.xml"} <= paths(purged)
