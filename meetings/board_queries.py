"""What the public Board pages read: every query starts from ``public()``."""

from collections import defaultdict

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.db.models.functions import ExtractYear
from wagtail.images import get_image_model

from meetings.models.attendance import (
    COUNTS_FOR_QUORUM,
    EXPECTED,
    Attendance,
    AttendanceStatus,
    Declaration,
)
from meetings.models.people import BoardRole, BoardSettings, Person

ROLE_ORDER = Case(
    *[When(role=role, then=Value(n)) for n, role in enumerate(BoardRole.values)],
    output_field=IntegerField(),
)
STATUS_ORDER = Case(
    *[
        When(status=status, then=Value(n))
        for n, status in enumerate(
            [
                AttendanceStatus.PRESENT,
                AttendanceStatus.SUBSTITUTE,
                AttendanceStatus.IN_ATTENDANCE,
                AttendanceStatus.APOLOGIES,
                AttendanceStatus.ABSENT,
            ]
        )
    ],
    output_field=IntegerField(),
)
LISTED_FIELDS = (
    "name",
    "slug",
    "role",
    "organisation",
    "sector",
    "appointed_on",
    "term_ends_on",
    "photo",
    "photo_alt",
)


def board_settings(request):
    return BoardSettings.for_request(request)


def people():
    return Person.objects.public()


PHOTO = "fill-160x160"  # as templates/meetings/board/includes/member_card.html


def listed(people):
    """``people`` in role order, with what a list shows of each and their photos'
    renditions."""
    photos = get_image_model().objects.prefetch_renditions(PHOTO)
    return (
        people.only(*LISTED_FIELDS)
        .prefetch_related(Prefetch("photo", queryset=photos))
        .order_by(ROLE_ORDER, "name")
    )


def current_members(today):
    return list(listed(people().current(today)))


def past_members(today):
    return list(listed(people().past(today)).order_by("-term_ends_on", "name"))


def memberships(person):
    return list(person.memberships.select_related("committee").order_by("-starts_on"))


def register(person):
    return list(person.interests.order_by("category", "-registered_on", "pk"))


def attendance_by_year(person):
    """Per year: meetings expected, attended and sent apologies for, in one query."""
    return list(
        Attendance.objects.public()
        .filter(person=person)
        .annotate(year=ExtractYear("meeting__start"))
        .values("year")
        .annotate(
            expected=Count("pk", filter=Q(status__in=EXPECTED)),
            attended=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
            apologies=Count("pk", filter=Q(status=AttendanceStatus.APOLOGIES)),
            in_attendance=Count(
                "pk",
                filter=Q(
                    status__in=[
                        AttendanceStatus.IN_ATTENDANCE,
                        AttendanceStatus.SUBSTITUTE,
                    ]
                ),
            ),
        )
        .order_by("-year")
    )


def declarations_by(person):
    return list(
        Declaration.objects.public()
        .filter(person=person)
        .select_related("agenda_item__meeting__committee", "interest")
        .order_by("-agenda_item__meeting__start", "agenda_item__sort_order")
    )


def meeting_record(meeting, agenda_items):
    """The meeting's attendance, whether it was quorate, and each agenda item's
    declarations (set on ``item.declared``)."""
    attendance = list(
        Attendance.objects.public()
        .filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by(STATUS_ORDER, "person__name", "guest_name")
    )
    declared = defaultdict(list)
    for declaration in (
        Declaration.objects.public()
        .filter(agenda_item__meeting=meeting)
        .select_related("person", "interest")
        .order_by("person__name", "pk")
    ):
        declared[declaration.agenda_item_id].append(declaration)
    for item in agenda_items:
        item.declared = declared.get(item.pk, [])
    quorum = meeting.committee.quorum
    counted = sum(1 for row in attendance if row.status in COUNTS_FOR_QUORUM)
    return {
        "attendance": attendance,
        "quorum": quorum,
        "quorum_met": None if quorum is None or not attendance else counted >= quorum,
        "counted_for_quorum": counted,
    }
