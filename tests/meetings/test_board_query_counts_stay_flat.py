"""The Board's pages and files run the same SQL with 10 members or 1,000."""

import datetime

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from meetings.models import Attendance, InterestEntry, Membership, Person
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DeclarationFactory,
    MeetingFactory,
)
from tests.meetings.test_query_counts_stay_flat import count_queries


def add_photos(people):
    """A photo for each of ``people``: one file, an image record each."""
    Image = get_image_model()
    first = Image.objects.create(title="Portrait", file=get_test_image_file())
    for person in people:
        image = Image.objects.create(
            title="Portrait", file=first.file.name, width=640, height=480
        )
        person.photo = image
        person.photo_alt = "A portrait"
    Person.objects.bulk_update(people, ["photo", "photo_alt"])


def add_people(count, start, committee, meetings):
    people = Person.objects.bulk_create(
        Person(
            name=f"Example member {n}",
            slug=f"example-member-{n}",
            role=Person.Role.values[n % len(Person.Role.values)],
            organisation="Example organisation",
            appointed_on=datetime.date(2024, 1, 1),
            term_ends_on=datetime.date(2025, 1, 1) if n % 4 == 0 else None,
            live=True,
        )
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(person=person, committee=committee, starts_on=person.appointed_on)
        for person in people
    )
    InterestEntry.objects.bulk_create(
        InterestEntry(
            person=person,
            category=InterestEntry.Category.EMPLOYMENT,
            description=f"Example employer {person.pk}",
        )
        for person in people
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, status="present")
        for person in people
        for meeting in meetings
    )
    return people


@pytest.mark.slow
@pytest.mark.django_db
def test_board_pages_run_the_same_queries_at_10_and_1000_members(
    client, meetings_index, board_index
):
    committee = CommitteeFactory(slug="board", quorum=3)
    meetings = [MeetingFactory(committee=committee) for _ in range(3)]
    item = AgendaItemFactory(meeting=meetings[0])
    first = add_people(10, 0, committee, meetings)
    add_photos(first)
    member = first[1]
    DeclarationFactory(agenda_item=item, person=member)
    urls = [
        "/board/",
        "/board/past/",
        member.get_url(),
        meetings[0].url,
        "/board/members.json",
        "/board/memberships.json",
        "/board/registers.json",
        "/board/attendance.json",
        "/board/members.csv",
        "/board/attendance.csv",
    ]
    small = {url: count_queries(client, url) for url in urls}

    more = add_people(990, 10, committee, meetings)
    add_photos(more[:100])
    for person in more[:50]:
        DeclarationFactory(agenda_item=item, person=person)
    assert Person.objects.count() == 1000
    large = {url: count_queries(client, url) for url in urls}

    assert large == small
    print("Queries per page:", small)
    assert max(small.values()) <= 12, small
