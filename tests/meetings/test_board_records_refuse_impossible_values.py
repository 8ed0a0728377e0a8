"""The Board's people, registers and attendance refuse what cannot be true."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from meetings.models import Attendance, Declaration, InterestEntry, Membership, Person
from tests.meetings.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CommitteeFactory,
    InterestEntryFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def errors_of(instance):
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def test_a_term_cannot_end_before_the_appointment():
    person = PersonFactory.build(
        appointed_on=datetime.date(2025, 1, 1), term_ends_on=datetime.date(2024, 1, 1)
    )
    assert "term_ends_on" in errors_of(person)


def test_a_photo_needs_its_text_alternative():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    photo = Image.objects.create(title="Portrait", file=get_test_image_file())
    person = PersonFactory.build(photo=photo, photo_alt="")
    assert "photo_alt" in errors_of(person)


def test_a_membership_cannot_end_before_it_starts():
    membership = Membership(
        person=PersonFactory(),
        committee=CommitteeFactory(),
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    assert "ends_on" in errors_of(membership)


def test_an_interest_cannot_end_before_it_starts_and_a_gift_needs_its_value():
    entry = InterestEntry(
        person=PersonFactory(),
        category=InterestEntry.Category.GIFTS,
        description="Dinner",
        started_on=datetime.date(2025, 1, 2),
        ended_on=datetime.date(2025, 1, 1),
    )
    errors = errors_of(entry)
    assert "ended_on" in errors and "value_pounds" in errors


def test_a_substitute_says_for_whom_and_not_for_themselves():
    person = PersonFactory()
    meeting = MeetingFactory()
    substitute = Attendance(
        meeting=meeting, person=person, status=Attendance.Status.SUBSTITUTE
    )
    assert "substitute_for" in errors_of(substitute)
    substitute.substitute_for = person
    assert "substitute_for" in errors_of(substitute)
    present = Attendance(
        meeting=meeting,
        person=person,
        status=Attendance.Status.PRESENT,
        substitute_for=PersonFactory(),
    )
    assert "substitute_for" in errors_of(present)


def test_a_guest_has_a_name_and_is_in_attendance():
    nobody = Attendance(meeting=MeetingFactory(), status=Attendance.Status.PRESENT)
    assert "person" in errors_of(nobody)
    guest = Attendance(
        meeting=MeetingFactory(), guest_name="A visitor", status="present"
    )
    assert "status" in errors_of(guest)


def test_a_person_attends_a_meeting_once():
    attendance = AttendanceFactory()
    with pytest.raises(IntegrityError):
        AttendanceFactory(meeting=attendance.meeting, person=attendance.person)


def test_a_declaration_links_to_the_declarers_own_register():
    someone_else = InterestEntryFactory()
    declaration = Declaration(
        agenda_item=AgendaItemFactory(),
        person=PersonFactory(),
        interest=someone_else,
        nature="A directorship",
    )
    assert "interest" in errors_of(declaration)


def test_a_register_stays_public_for_the_set_period_after_the_term():
    person = Person(
        appointed_on=datetime.date(2020, 1, 1), term_ends_on=datetime.date(2024, 1, 1)
    )
    assert person.register_is_public(datetime.date(2024, 12, 31), kept_days=365)
    assert not person.register_is_public(datetime.date(2025, 1, 2), kept_days=365)
    assert Person(appointed_on=datetime.date(2020, 1, 1)).register_is_public(
        datetime.date(2090, 1, 1), kept_days=0
    )
