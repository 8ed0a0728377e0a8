"""Visitors see who sits on the Board, their registers, attendance and declarations;
secretaries see declarations the registers do not show yet."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker
from wagtail.models import Site

from meetings.models import Attendance, BoardSettings, InterestEntry, Person
from tests.meetings.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CommitteeFactory,
    DeclarationFactory,
    InterestEntryFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[2] / "meetings" / "schemas"


@pytest.fixture
def board(meetings_index, board_index):
    committee = CommitteeFactory(name="Board", slug="board", quorum=2)
    chair = PersonFactory(name="Example member Chair", slug="chair", role="chair")
    member = PersonFactory(name="Example member Two", slug="two")
    officer = PersonFactory(name="Example officer", slug="officer", role="officer")
    former = PersonFactory(
        name="Example former member",
        slug="former",
        appointed_on=datetime.date(2018, 1, 1),
        term_ends_on=datetime.date(2022, 1, 1),
    )
    MembershipFactory(person=member, committee=committee, role="member")
    entry = InterestEntryFactory(
        person=member,
        description="Director of Example Widgets Ltd",
        registered_on=datetime.date(2024, 3, 4),
    )
    meeting = MeetingFactory(committee=committee, title="Spring Board")
    item = AgendaItemFactory(meeting=meeting, title="Widget grant")
    AttendanceFactory(meeting=meeting, person=chair, status="present")
    AttendanceFactory(meeting=meeting, person=member, status="apologies")
    AttendanceFactory(
        meeting=meeting, person=officer, status="in-attendance", capacity="Finance"
    )
    DeclarationFactory(
        agenda_item=item,
        person=chair,
        interest=None,
        nature="Shareholder in Example Widgets Ltd",
    )
    DeclarationFactory(
        agenda_item=item,
        person=member,
        interest=entry,
        nature="Director of Example Widgets Ltd",
        action="Left the room",
    )
    return {
        "committee": committee,
        "chair": chair,
        "member": member,
        "former": former,
        "meeting": meeting,
        "entry": entry,
    }


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def test_the_board_page_lists_current_members_by_role_and_links_past_ones(
    client, board
):
    page = text(client.get("/board/"))
    assert page.index("Chair") < page.index("Example member Chair")
    assert page.index("Private-sector member") < page.index("Example member Two")
    assert "Example former member" not in page
    assert "/board/past/" in page
    past = text(client.get("/board/past/"))
    assert "Example former member" in past and "Example member Two" not in past


def test_a_member_page_shows_memberships_attendance_declarations_and_register(
    client, board
):
    page = text(client.get("/board/members/two/"))
    assert "Board" in page and "Member" in page
    assert "Director of Example Widgets Ltd" in page
    assert "4 March 2024" in page  # the date of the register's change
    assert "Last updated" in page
    assert "Left the room" in page and "Spring Board" in page
    year = board["meeting"].start.year
    assert f'<th scope="row">{year}</th><td>1</td><td>0</td><td>1</td>' in page


def test_a_former_members_register_leaves_the_site_after_the_set_period(client, board):
    InterestEntryFactory(person=board["former"], description="Old directorship")
    settings = BoardSettings.for_site(Site.objects.get(is_default_site=True))
    settings.register_kept_days = 365
    settings.save()
    page = text(client.get("/board/members/former/"))
    assert "Old directorship" not in page
    assert "no longer published" in page
    registers = client.get("/board/registers.json").content.decode()
    assert "Old directorship" not in registers
    settings.register_kept_days = 365 * 10
    settings.save()
    assert "Old directorship" in text(client.get("/board/members/former/"))


def test_the_meeting_page_shows_attendance_quorum_and_declarations(client, board):
    page = text(client.get(board["meeting"].url))
    assert "Not quorate: 1 members present, quorum 2" in page
    assert "Apologies" in page and "Finance" in page
    assert "Shareholder in Example Widgets Ltd" in page
    assert "A new interest, not yet on the register" in page
    assert "/board/members/two/" in page


def test_the_open_data_validates_against_its_schemas_and_is_open_to_any_site(
    client, board
):
    for name in ("members", "memberships", "registers", "attendance"):
        response = client.get(f"/board/{name}.json")
        assert response["Access-Control-Allow-Origin"] == "*"
        schema = json.loads((SCHEMAS / f"board-{name}.schema.json").read_text())
        body = json.loads(response.content)
        Draft202012Validator(schema, format_checker=FormatChecker()).validate(body)
        assert body["data"], name
        csv_response = client.get(f"/board/{name}.csv")
        assert csv_response["Access-Control-Allow-Origin"] == "*"
        rows = list(csv.DictReader(io.StringIO(csv_response.content.decode())))
        assert [row["id"] for row in rows] == [item["id"] for item in body["data"]]
    members = json.loads(client.get("/board/members.json").content)["data"]
    assert {member["id"] for member in members} >= {
        "http://testserver/board/members/two/"
    }


def test_a_spreadsheet_formula_in_a_register_is_made_inert(client, board):
    InterestEntryFactory(person=board["member"], description="=HYPERLINK(1)")
    body = client.get("/board/registers.csv").content.decode()
    assert "'=HYPERLINK(1)" in body


def test_a_declaration_missing_from_the_register_waits_on_the_dashboard(
    client, board, django_user_model
):
    user = django_user_model.objects.create_user("secretary", password="x" * 16)
    user.groups.add(Group.objects.get(name="Board secretaries"))
    client.force_login(user)
    dashboard = text(client.get(reverse("wagtailadmin_home")))
    assert "Shareholder in Example Widgets Ltd" in dashboard
    assert "Director of Example Widgets Ltd" not in dashboard  # on the register

    InterestEntry.objects.create(
        person=board["chair"],
        category=InterestEntry.Category.SHAREHOLDINGS,
        description="Shares in Example Widgets Ltd",
        registered_on=board["meeting"].start.date(),
    )
    dashboard = text(client.get(reverse("wagtailadmin_home")))
    assert "Shareholder in Example Widgets Ltd" not in dashboard


def test_board_secretaries_manage_people_and_editors_cannot(
    client, board, django_user_model
):
    secretary = django_user_model.objects.create_user("sec", password="x" * 16)
    secretary.groups.add(Group.objects.get(name="Board secretaries"))
    for permission in (
        "add_person",
        "publish_person",
        "add_attendance",
        "change_declaration",
    ):
        assert secretary.has_perm(f"meetings.{permission}")
    others = Group.objects.exclude(name__in=["Board secretaries", "Administrators"])
    for group in others:
        assert not group.permissions.filter(
            codename__in=["change_person", "change_attendance", "change_declaration"]
        ).exists(), group.name
    client.force_login(secretary)
    assert (
        client.get(reverse("wagtailsnippets_meetings_person:list")).status_code == 200
    )
    assert (
        client.get(
            reverse("wagtailsnippets_meetings_person:edit", args=[board["member"].pk])
        ).status_code
        == 200
    )


def test_a_published_register_keeps_its_earlier_versions(board):
    member = Person.objects.get(slug="two")
    member.save_revision().publish()
    member.interests.add(
        InterestEntry(
            category=InterestEntry.Category.LAND,
            description="A house in Example Town",
            registered_on=datetime.date(2025, 6, 1),
        )
    )
    member.save_revision().publish()
    first, second = member.revisions.order_by("created_at")
    assert "A house in Example Town" not in json.dumps(first.content)
    assert "A house in Example Town" in json.dumps(second.content)
    assert member.interests.count() == 2
    assert Attendance.objects.public().filter(person=member).count() == 1


def test_a_secretary_previews_a_draft_register_before_publishing(
    rf, board, django_user_model
):
    member = Person.objects.get(slug="two")
    member.interests.add(
        InterestEntry(
            category=InterestEntry.Category.LAND,
            description="Draft: a field in Example Village",
            registered_on=datetime.date(2025, 6, 1),
        )
    )
    request = rf.get("/")
    request.user = django_user_model.objects.create_superuser("admin", "a@b.test", "x")
    body = member.serve_preview(request, "").render().content.decode()
    assert "Draft: a field in Example Village" in body
    assert "Preview" in body
    assert not InterestEntry.objects.filter(description__startswith="Draft").exists()


def test_board_secretaries_set_the_gifts_threshold_and_register_period(
    client, board, django_user_model
):
    secretary = django_user_model.objects.create_user("sec", password="x" * 16)
    secretary.groups.add(Group.objects.get(name="Board secretaries"))
    client.force_login(secretary)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["meetings", "boardsettings", site.pk])
    assert client.get(url).status_code == 200
