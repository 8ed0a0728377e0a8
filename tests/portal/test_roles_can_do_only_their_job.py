"""Each editor group logs in to the admin and can do its own job, and nothing else."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Workflow
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests.factories import StrategyPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-for-tests"
GROUPS = ["Communications", "Moderators", "Board secretaries", "Funding editors"]

PAGES = "/admin/pages/"
MEETINGS = "/admin/snippets/meetings/meeting/"
MEETING_DOCUMENTS = "/admin/snippets/meetings/meetingdocument/"
FUNDED_PROJECTS = "/admin/snippets/funding/fundedproject/"
FUNDING_IMPORT = "/admin/funding_import/"
IMAGES = "/admin/images/"
USERS = "/admin/users/"
ADD_USER = "/admin/users/new/"
GROUPS_URL = "/admin/groups/"
ADD_GROUP = "/admin/groups/new/"
SITE_SETTINGS = "/admin/settings/portal/sitesettings/"
WORKFLOWS = "/admin/workflows/list/"


def member_of(group_name):
    user = get_user_model().objects.create_user(
        group_name.lower().replace(" ", "-"),
        email=f"{group_name.split()[0].lower()}@example.org",
        password=PASSWORD,
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def reachable(client, url):
    """True when the admin shows the page; False when it refuses or redirects away."""
    response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    return response.status_code == 200


@pytest.fixture
def theme(home_page):
    strategy = StrategyPageFactory(parent=home_page)
    return ThemePageFactory(
        parent=strategy, title="Clean growth", slug="clean-growth", body=[]
    )


def edit_form(theme, **changes):
    fields = {
        "title": theme.title,
        "slug": theme.slug,
        "kind": theme.kind,
        "summary": theme.summary,
        "body": streamfield([("paragraph", rich_text("<p>Net zero by 2040.</p>"))]),
        "related_themes": inline_formset([]),
        **changes,
    }
    return nested_form_data(fields)


def test_only_the_four_editor_groups_and_moderators_exist():
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(GROUPS)


def test_strategy_and_theme_pages_go_to_the_moderators(theme):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert workflow.active
    for page in (theme, theme.get_parent()):
        assert page.get_workflow() == workflow
    [task] = workflow.tasks.all()
    assert list(task.specific.groups.values_list("name", flat=True)) == ["Moderators"]


def test_communications_submits_a_theme_change_and_a_moderator_publishes_it(
    client, theme
):
    communications = member_of("Communications")
    client.force_login(communications)
    edit_url = reverse("wagtailadmin_pages:edit", args=[theme.pk])

    response = client.post(
        edit_url,
        edit_form(theme, title="Clean growth and net zero", **{"action-publish": "1"}),
    )
    theme.refresh_from_db()
    assert theme.title == "Clean growth", "Communications must not publish directly"

    response = client.post(
        edit_url,
        edit_form(theme, title="Clean growth and net zero", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.title == "Clean growth"
    assert theme.has_unpublished_changes
    workflow_state = theme.current_workflow_state
    assert workflow_state.status == "in_progress"
    assert workflow_state.requested_by == communications
    assert client.get(theme.url).content.count(b"net zero") == 0

    moderator = member_of("Moderators")
    client.force_login(moderator)
    task_state = workflow_state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[theme.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": "Good to go."})
    assert response.status_code in (200, 302)

    theme.refresh_from_db()
    assert theme.title == "Clean growth and net zero"
    assert not theme.has_unpublished_changes
    client.logout()
    public = client.get(theme.url)
    assert b"Clean growth and net zero" in public.content
    assert b"Net zero by 2040." in public.content


def test_a_moderator_cannot_reach_meetings_funding_users_or_settings(client, theme):
    client.force_login(member_of("Moderators"))
    assert reachable(client, PAGES)
    assert reachable(client, reverse("wagtailadmin_pages:edit", args=[theme.pk]))
    for url in (
        MEETINGS,
        MEETING_DOCUMENTS,
        FUNDED_PROJECTS,
        FUNDING_IMPORT,
        USERS,
        GROUPS_URL,
        SITE_SETTINGS,
        WORKFLOWS,
    ):
        assert not reachable(client, url), url
    assert not reachable(client, "/admin/images/multiple/add/")


def test_board_secretaries_reach_meetings_only(client, theme):
    client.force_login(member_of("Board secretaries"))
    assert reachable(client, MEETINGS)
    assert reachable(client, MEETING_DOCUMENTS)
    assert reachable(client, f"{MEETINGS}add/")
    # They link decisions to projects: they may see and choose them, not change them.
    assert reachable(client, FUNDED_PROJECTS)
    # Members' photos: the image library, in the "Board members" collection only.
    assert reachable(client, IMAGES)
    assert reachable(client, f"{IMAGES}add/")
    for url in (
        reverse("wagtailadmin_pages:edit", args=[theme.pk]),
        f"{FUNDED_PROJECTS}add/",
        FUNDING_IMPORT,
        USERS,
        GROUPS_URL,
        SITE_SETTINGS,
    ):
        assert not reachable(client, url), url
    secretary = get_user_model().objects.get(username="board-secretaries")
    assert not theme.permissions_for_user(secretary).can_edit()
    images = policy_registry.get_by_type(get_image_model())
    assert [
        c.name for c in images.collections_user_has_permission_for(secretary, "add")
    ] == ["Board members"]


def test_funding_editors_reach_funding_only(client, theme):
    client.force_login(member_of("Funding editors"))
    assert reachable(client, FUNDED_PROJECTS)
    assert reachable(client, f"{FUNDED_PROJECTS}add/")
    assert reachable(client, FUNDING_IMPORT)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[theme.pk]),
        MEETINGS,
        MEETING_DOCUMENTS,
        IMAGES,
        USERS,
        GROUPS_URL,
        SITE_SETTINGS,
    ):
        assert not reachable(client, url), url


def test_communications_cannot_reach_meetings_or_funding(client, theme):
    client.force_login(member_of("Communications"))
    assert reachable(client, reverse("wagtailadmin_pages:edit", args=[theme.pk]))
    assert reachable(client, IMAGES)
    for url in (MEETINGS, MEETING_DOCUMENTS, FUNDED_PROJECTS, FUNDING_IMPORT):
        assert not reachable(client, url), url


@pytest.mark.parametrize("group_name", GROUPS)
def test_only_superusers_manage_users_and_groups(client, group_name):
    member = member_of(group_name)
    client.force_login(member)
    for url in (USERS, ADD_USER, GROUPS_URL, ADD_GROUP):
        assert not reachable(client, url), (group_name, url)
    response = client.post(
        ADD_USER,
        {
            "username": "intruder",
            "email": "intruder@example.org",
            "first_name": "In",
            "last_name": "Truder",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "is_superuser": "on",
        },
    )
    assert response.status_code in (302, 403)
    assert not get_user_model().objects.filter(username="intruder").exists()
    for codename in ("add_user", "change_user", "add_group", "change_group"):
        assert not member.has_perm(f"auth.{codename}")


def test_a_superuser_manages_users_and_groups(client):
    admin = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", PASSWORD
    )
    client.force_login(admin)
    assert reachable(client, USERS)
    assert reachable(client, GROUPS_URL)
    assert reachable(client, ADD_USER)
    assert reachable(client, ADD_GROUP)
