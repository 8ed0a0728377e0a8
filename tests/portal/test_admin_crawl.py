"""Every admin screen, for the superuser and each staff group, on the seeded site.

Screens are found from Wagtail's registries (``tests/admin_crawl.py``): the menus
each user is shown, every viewset's and chooser's screens, every page type's, the
settings and the form submissions. Nothing fails; a screen opens where the user's
permissions reach and refuses where they do not; and no one outside meetings sees
the title of a meeting or paper the public cannot see.
"""

from collections import defaultdict

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, Page, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_factories import DocumentFactory, ImageFactory

from meetings.models import Meeting, MeetingDocument
from tests import admin_crawl
from tests.journeys import create_staff
from tests.meetings.factories import (
    AgendaItemFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SUPERUSER = "Superuser"
DRAFT_MEETING = "Crawlsecretmeeting draft"
UNPUBLISHED_PAPER = "Crawlsecretpaper unpublished"
CONFIDENTIAL_PAPER = "Crawlsecretconfidential paper"
WITHHELD = [DRAFT_MEETING, UNPUBLISHED_PAPER, CONFIDENTIAL_PAPER]


@pytest.fixture
def withheld_from_the_public(seeded_site):
    """A draft meeting, an unpublished paper and a confidential one, each titled so
    that a page showing it is easy to find."""
    public_meeting = Meeting.objects.public().order_by("-start").first()
    confidential_item = AgendaItemFactory(
        meeting=public_meeting,
        confidential=True,
        confidential_reason="Commercially sensitive",
    )
    MeetingDocumentFactory(
        meeting=MeetingFactory(
            committee=public_meeting.committee, live=False, title=DRAFT_MEETING
        ),
        title="Paper of the draft meeting",
    )
    MeetingDocumentFactory(
        meeting=public_meeting,
        title=UNPUBLISHED_PAPER,
        publication=MeetingDocument.Publication.UNPUBLISHED,
    )
    MeetingDocumentFactory(
        meeting=public_meeting,
        agenda_item=confidential_item,
        title=CONFIDENTIAL_PAPER,
    )
    assert not Meeting.objects.public().filter(title=DRAFT_MEETING).exists()
    assert not MeetingDocument.objects.public().filter(title__in=WITHHELD).exists()


@pytest.fixture
def library(seeded_site):
    """An image, a document and a redirect, which the seed does not make."""
    root = Collection.get_first_root_node()
    ImageFactory(title="Crawl image", collection=root)
    DocumentFactory(title="Crawl document", collection=root)
    Redirect.objects.create(old_path="/crawl-old", redirect_link="/")


@pytest.fixture
def staff(django_user_model, withheld_from_the_public, library):
    """The superuser and a member of each staff group, by role name."""
    users = {SUPERUSER: create_staff(django_user_model, "crawl-admin", superuser=True)}
    for group in Group.objects.order_by("name"):
        username = "crawl-" + group.name.lower().replace(" ", "-")
        users[group.name] = create_staff(django_user_model, username, group.name)
    return users


def works_on_meetings(user):
    policy = admin_crawl.policy_registry.get_by_type(Meeting)
    return policy.user_has_any_permission(user, sorted(admin_crawl.ANY))


def crawl(client, user):
    client.force_login(user)
    return [admin_crawl.visit(client, s) for s in admin_crawl.every_screen(user)]


def problems_of(role, user, visits):
    problems = []
    for visit in visits:
        screen = visit.screen
        where = f"{role}: {screen.url} ({screen.what})"
        if visit.error or visit.status >= 500:
            problems.append(f"{where} answered {visit.status}: {visit.error}")
        elif screen.reaches is False and not visit.refused and visit.shows_an_object:
            problems.append(f"{where} is beyond the role's work, yet {visit.status}")
        elif screen.reaches and visit.status != 200:
            problems.append(
                f"{where} is the role's work, yet {visit.status} {visit.location}"
            )
    if not works_on_meetings(user):
        for visit in visits:
            for title in WITHHELD:
                if title in visit.body:
                    problems.append(
                        f"{role}: {visit.screen.url} ({visit.screen.what}) shows "
                        f"{title!r}, which the public cannot see"
                    )
    return problems


# One test per role, so the test processes share the crawl.
ROLES = [
    SUPERUSER,
    "Board secretaries",
    "Communications",
    "Funding editors",
    "Moderators",
]


def test_the_crawl_covers_every_staff_group(staff):
    assert set(staff) == set(ROLES)


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_screen_works_for_the_role_within_its_work(client, staff, role):
    user = staff[role]
    visits = crawl(client, user)
    problems = problems_of(role, user, visits)
    if works_on_meetings(user):
        seen = "".join(visit.body for visit in visits)
        problems += [
            f"{role} never saw {title!r}: the crawl missed it"
            for title in WITHHELD
            if title not in seen
        ]
    print(f"Screens crawled for {role}: {len(visits)}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_crawl_finds_every_registered_model(staff):
    screens = admin_crawl.every_screen(staff[SUPERUSER])
    kinds = defaultdict(set)
    for screen in screens:
        kinds[screen.model].add(screen.kind)

    snippets = {model._meta.label_lower for model in get_snippet_models()}
    assert {"meetings.meetingdocument", "funding.fundedproject"} <= snippets
    crawled_snippets = {
        screen.model
        for screen in screens
        if "." in screen.model and screen.url.startswith("/admin/snippets/")
    }
    assert crawled_snippets == snippets
    for label in snippets:
        assert {"list", "choose", "choose_results"} <= kinds[label], label
        model = apps.get_model(label)
        if model._default_manager.exists():
            assert {"edit", "history", "delete", "usage", "chosen"} <= kinds[label]
    for model in get_page_models():
        if model is not Page:
            assert {"add", "edit", "delete", "history"} <= kinds[
                model._meta.label_lower
            ], model
    for label in ("auth.user", "auth.group", "wagtailcore.site", "portal.sitesettings"):
        assert "edit" in kinds[label] or "setting" in kinds[label], label
    assert {
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailredirects.redirect",
    } <= set(kinds)
    assert (
        "strategy.contactpage" in kinds
        and "submissions" in kinds["strategy.contactpage"]
    )


def test_every_screen_of_every_viewset_is_crawled_or_said_why_not():
    names = {
        pattern.name
        for viewset in admin_crawl.viewsets.viewsets
        for pattern in viewset.get_urlpatterns()
        if pattern.name
    }
    assert names <= set(admin_crawl.NEEDS) | set(admin_crawl.NOT_SCREENS)
