"""Anonymous visitors get stored pages; every public change shows on the next one."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from funding.importing import import_csv
from meetings.models import MeetingDocument
from portal.caching import changes
from portal.models import SiteSettings
from strategy.models import StandardPage
from tests.funding.factories import (
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

pytestmark = pytest.mark.django_db


def get(client, path, **kwargs):
    """The response and the number of SQL queries it cost."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
        if response.streaming:
            response.content_bytes = b"".join(response.streaming_content)
    return response, len(queries)


def text(response):
    if response.streaming:
        return response.content_bytes.decode()
    return response.content.decode()


@pytest.fixture(autouse=True)
def site_settings(home_page):
    """Created on the first page view otherwise, which is a change like any other."""
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def about(home_page):
    page = StandardPage(title="About us", slug="about", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def board(home_page, page_cache):
    MeetingIndexPageFactory(parent=home_page)
    return CommitteeFactory(name="The Board", slug="board")


def test_the_second_anonymous_request_costs_no_query(client, about, page_cache):
    first, first_queries = get(client, "/about/")
    second, second_queries = get(client, "/about/")

    assert first["X-Cache"] == "miss" and first_queries > 0
    assert second["X-Cache"] == "hit" and second_queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]
    assert client.head("/about/")["X-Cache"] == "hit"
    assert 290 < int(re.search(r"s-maxage=(\d+)", second["Cache-Control"])[1]) <= 300


def test_page_cache_seconds_0_turns_it_off(client, about, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, "/about/")
    response = client.get("/about/")
    # Rendered again: a page from the cache renders no template.
    assert response.templates and not response.has_header("X-Cache")


def test_query_strings_are_keyed_separately_in_any_order(client, about, page_cache):
    get(client, "/search/?q=about&page=1")
    assert get(client, "/search/?q=about&page=1")[0]["X-Cache"] == "hit"
    assert get(client, "/search/?page=1&q=about")[0]["X-Cache"] == "hit"
    other, queries = get(client, "/search/?q=nothing")
    assert other["X-Cache"] == "miss" and queries > 0
    # A purge names exact URLs, so a CDN does not keep query-string variants.
    assert "s-maxage=0" in other["Cache-Control"]


def test_post_is_never_served_from_or_stored_in_the_cache(client, about, page_cache):
    get(client, "/about/")
    response = client.post("/about/")
    assert not response.has_header("X-Cache")
    assert client.post("/about/").templates


def test_editors_never_get_a_stored_page_nor_leave_theirs_for_others(
    client, about, page_cache
):
    get(client, "/about/")
    editor = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)

    seen_by_editor, queries = get(client, "/about/")
    assert queries > 0 and not seen_by_editor.has_header("X-Cache")
    assert "private" in seen_by_editor["Cache-Control"]
    assert "wagtail-userbar" in text(seen_by_editor)

    client.logout()
    client.cookies.clear()
    anonymous, _ = get(client, "/about/")
    assert anonymous["X-Cache"] == "hit"
    assert "wagtail-userbar" not in text(anonymous)


def test_previews_of_drafts_are_never_stored(client, about, page_cache):
    get(client, "/about/")
    about.title = "About the partnership (draft)"
    about.save_revision()
    client.force_login(User.objects.create_superuser("ed", "ed@example.org", "pw"))

    draft = client.get(f"/admin/pages/{about.pk}/view_draft/")
    assert "(draft)" in draft.content.decode()
    assert "no-cache" in draft["Cache-Control"] or "private" in draft["Cache-Control"]

    client.logout()
    client.cookies.clear()
    assert "(draft)" not in text(get(client, "/about/")[0])


def test_pages_that_set_cookies_are_not_stored(client, about, page_cache):
    # A password-protected page shows its form, with a CSRF cookie.
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    first, _ = get(client, "/about/")
    assert "csrftoken" in first.cookies
    client.cookies.clear()
    second, queries = get(client, "/about/")
    assert queries > 0 and not second.has_header("X-Cache")
    assert "private" in second["Cache-Control"]


def test_a_session_cookie_bypasses_the_cache(client, about, page_cache):
    get(client, "/about/")
    client.cookies["sessionid"] = "anything"
    response, queries = get(client, "/about/")
    assert queries > 0 and not response.has_header("X-Cache")


def test_admin_is_never_stored(client, about, page_cache):
    client.get("/admin/login/")
    client.cookies.clear()
    assert not client.get("/admin/login/").has_header("X-Cache")


def test_publishing_a_meeting_shows_it_everywhere_on_the_next_request(client, board):
    paths = [
        "/",
        "/meetings/",
        "/meetings/board/",
        "/meetings/feed/",
        "/meetings/board/feed/",
        "/meetings/calendar.ics",
        "/meetings/board/calendar.ics",
    ]
    for path in paths:
        get(client, path)
        assert get(client, path)[0]["X-Cache"] == "hit", path

    meeting = MeetingFactory(committee=board, title="Budget setting", live=False)
    MeetingDocumentFactory(meeting=meeting, title="Draft budget")
    for path in paths:
        assert "Budget setting" not in text(get(client, path)[0]), path

    meeting.save_revision().publish()
    meeting_paths = ["/meetings/", "/meetings/board/", f"/meetings/board/{meeting.pk}/"]
    for path in meeting_paths + ["/meetings/calendar.ics"]:
        assert "Budget setting" in text(get(client, path)[0]), path
    for path in ["/meetings/feed/", "/meetings/board/feed/"]:
        assert "Draft budget" in text(get(client, path)[0]), path

    meeting.refresh_from_db()
    meeting.unpublish()
    for path in meeting_paths[:2] + ["/meetings/calendar.ics"]:
        assert "Budget setting" not in text(get(client, path)[0]), path
    assert get(client, f"/meetings/board/{meeting.pk}/")[0].status_code == 404
    assert "Draft budget" not in text(get(client, "/meetings/feed/")[0])


def test_renaming_a_committee_refreshes_its_meeting_pages(client, board):
    meeting = MeetingFactory(committee=board)
    get(client, meeting.url)
    board.name = "The Main Board"
    board.save()
    assert "The Main Board" in text(get(client, meeting.url)[0])


def test_a_scheduled_paper_appears_when_its_time_comes(client, board, clock):
    now = timezone.now()
    meeting = MeetingFactory(committee=board, start=now - datetime.timedelta(days=9))
    MeetingDocumentFactory(
        meeting=meeting,
        title="Scheduled paper",
        publication=MeetingDocument.Publication.SCHEDULED,
        publish_at=now + datetime.timedelta(seconds=120),
    )
    before, _ = get(client, meeting.url)
    assert "Scheduled paper" not in text(before)
    # Neither this cache nor a CDN keeps the page past the paper's time.
    shared_seconds = int(re.search(r"s-maxage=(\d+)", before["Cache-Control"])[1])
    assert shared_seconds == 120
    assert get(client, meeting.url)[0]["X-Cache"] == "hit"

    clock.shift(datetime.timedelta(seconds=121))
    assert "Scheduled paper" in text(get(client, meeting.url)[0])


def test_moving_a_page_updates_menus_and_breadcrumbs_on_stored_pages(
    client, home_page, page_cache
):
    section = StandardPage(title="Our work", slug="our-work", show_in_menus=True)
    home_page.add_child(instance=section)
    section.save_revision().publish()
    child = StandardPage(title="Skills", slug="skills", show_in_menus=True)
    section.add_child(instance=child)
    child.save_revision().publish()
    get(client, "/")
    get(client, "/our-work/skills/")

    child.refresh_from_db()
    child.move(home_page, pos="last-child")

    home = text(get(client, "/")[0])
    assert 'href="/skills/"' in home
    moved, _ = get(client, "/skills/")
    assert moved.status_code == 200
    assert 'href="/our-work/"' not in text(moved).split("<main")[1].split("</nav>")[0]
    old_address, _ = get(client, "/our-work/skills/")
    assert old_address.status_code == 301 and old_address["Location"] == "/skills/"


@pytest.fixture
def funding(home_page, page_cache):
    FundingIndexPageFactory(parent=home_page)
    fund = FundFactory(name="Growth Fund", slug="growth-fund")
    FundedProjectFactory(fund=fund, identifier="first-project", title="First")
    return fund


def test_a_funding_record_change_refreshes_overview_lists_and_exports(client, funding):
    paths = [
        "/funding/",
        "/funding/projects/",
        "/funding/funds/growth-fund/",
        "/funding/projects.csv",
    ]
    for path in paths:
        get(client, path)
    # The files stream, so only a CDN keeps them; the purge names them.
    export, _ = get(client, "/funding/projects.csv")
    assert "s-maxage=300" in export["Cache-Control"] and not export.has_header(
        "X-Cache"
    )
    project = FundedProjectFactory(
        fund=funding, identifier="harbour-works", title="Harbour works"
    )
    for path in paths[1:]:
        assert "Harbour works" in text(get(client, path)[0]), path

    project.title = "Harbour regeneration"
    project.save()
    assert "Harbour regeneration" in text(get(client, "/funding/projects/")[0])

    project.unpublish()
    for path in paths[1:]:
        assert "Harbour" not in text(get(client, path)[0]), path


def test_an_import_raises_the_content_version_once(client, funding):
    version = changes.current_version()
    data = (
        "identifier,fund,title,recipient,local_authority,amount_awarded,source_title\n"
        + "".join(
            f"imported-{n},growth-fund,Imported {n},A council,gateshead,1000,Import\n"
            for n in range(3)
        )
    ).encode()
    report = import_csv(data, "projects")
    assert report.applied, report.errors
    assert changes.current_version() == version + 1
    assert "Imported 2" in text(get(client, "/funding/projects/")[0])


def test_restricting_a_page_to_a_group_stops_serving_it_from_the_cache(
    client, about, page_cache
):
    get(client, "/about/")
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Board members"))
    assert get(client, "/about/")[0].status_code == 302


def test_scheduled_publishing_shows_on_stored_pages(client, about, page_cache):
    get(client, "/")
    news = StandardPage(title="News", slug="news", show_in_menus=True, live=False)
    about.get_parent().add_child(instance=news)
    news.save_revision(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert 'href="/news/"' not in text(get(client, "/")[0])

    call_command("publish_scheduled")

    assert 'href="/news/"' in text(get(client, "/")[0])


def test_a_lost_version_number_never_brings_back_old_pages(client, about, page_cache):
    cache.delete(changes.VERSION_KEY)  # the version number starts afresh
    get(client, "/about/")
    about.title = "About the partnership"
    about.save_revision().publish()
    cache.delete(changes.VERSION_KEY)  # evicted by Redis, say

    assert "About the partnership" in text(get(client, "/about/")[0])
