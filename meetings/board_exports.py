"""The Board's open data: members, memberships, registers of interests and attendance,
as JSON shaped after OParl 1.1 (Person, Membership) and as CSV, with stable
identifiers (each row's address) and open to any site's scripts (CORS).

Each file reads its rows from the ``public()`` rows, a page of ``PER_PAGE`` at a time;
the JSON says where the next page is. The JSON Schemas are in ``meetings/schemas/``.
"""

import csv
import datetime
import io
import json

from django.apps import apps
from django.db.models import Q
from django.http import Http404, HttpResponse

from meetings.models.attendance import Attendance
from meetings.models.meetings import INDEX_PAGE as MEETINGS_PAGE
from meetings.models.people import InterestEntry, Membership, Person
from portal import query
from portal.caching.routing import route_url
from portal.security.spreadsheets import escape_cell

PER_PAGE = 1000
OPARL = "https://schema.oparl.org/1.1/"


def _people():
    return Person.objects.public()


def _iso(value):
    return value.isoformat() if value else None


class Context:
    """Absolute addresses for the rows of one request."""

    def __init__(self, request, page, today, kept_days):
        self.base = request.build_absolute_uri(page.url)
        meetings = apps.get_model(MEETINGS_PAGE).public_url()
        self.meetings = request.build_absolute_uri(meetings) if meetings else ""
        self.today = today
        self.kept_days = kept_days

    def person(self, slug):
        return f"{self.base}members/{slug}/"

    def committee(self, slug):
        if not self.meetings:
            return None
        return route_url(MEETINGS_PAGE, "committee", slug, base=self.meetings)

    def meeting(self, slug, pk):
        if not self.meetings:
            return None
        return route_url(MEETINGS_PAGE, "meeting", slug, pk, base=self.meetings)

    def row(self, name, pk):
        return f"{self.base}{name}.json#{pk}"


def members(context):
    rows = (
        _people()
        .order_by("slug", "pk")
        .values(
            "slug",
            "name",
            "role",
            "organisation",
            "sector",
            "appointed_on",
            "term_ends_on",
            "last_published_at",
        )
    )
    roles = dict(Person.Role.choices)

    def shape(person):
        return {
            "id": context.person(person["slug"]),
            "type": OPARL + "Person",
            "name": person["name"],
            "status": [roles.get(person["role"], person["role"])],
            "role": person["role"],
            "organisation": person["organisation"],
            "sector": person["sector"],
            "appointedOn": _iso(person["appointed_on"]),
            "termEndsOn": _iso(person["term_ends_on"]),
            "web": context.person(person["slug"]),
            "modified": _iso(person["last_published_at"]),
        }

    return rows, shape


def memberships(context):
    rows = (
        Membership.objects.filter(person__in=_people())
        .order_by("pk")
        .values(
            "pk",
            "person__slug",
            "committee__slug",
            "committee__name",
            "role",
            "starts_on",
            "ends_on",
        )
    )

    def shape(row):
        return {
            "id": context.row("memberships", f"membership-{row['pk']}"),
            "type": OPARL + "Membership",
            "person": context.person(row["person__slug"]),
            "organization": context.committee(row["committee__slug"]),
            "organizationName": row["committee__name"],
            "role": row["role"],
            "startDate": _iso(row["starts_on"]),
            "endDate": _iso(row["ends_on"]),
        }

    return rows, shape


def registers(context):
    """Entries of the registers still public (see ``Person.register_is_public``)."""
    kept_from = context.today - datetime.timedelta(days=context.kept_days)
    people = _people().filter(
        Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=kept_from)
    )
    rows = (
        InterestEntry.objects.filter(person__in=people)
        .order_by("pk")
        .values(
            "pk",
            "person__slug",
            "category",
            "description",
            "value_pounds",
            "started_on",
            "ended_on",
            "registered_on",
        )
    )

    def shape(row):
        value = row["value_pounds"]
        return {
            "id": context.row("registers", f"interest-{row['pk']}"),
            "person": context.person(row["person__slug"]),
            "category": row["category"],
            "description": row["description"],
            "valuePounds": None if value is None else str(value),
            "startDate": _iso(row["started_on"]),
            "endDate": _iso(row["ended_on"]),
            "registeredOn": _iso(row["registered_on"]),
        }

    return rows, shape


def attendance(context):
    rows = (
        Attendance.objects.public()
        .order_by("pk")
        .values(
            "pk",
            "meeting_id",
            "meeting__start",
            "meeting__committee__slug",
            "person__slug",
            "guest_name",
            "status",
            "substitute_for__slug",
            "capacity",
        )
    )

    def shape(row):
        person = row["person__slug"]
        substitute_for = row["substitute_for__slug"]
        return {
            "id": context.row("attendance", f"attendance-{row['pk']}"),
            "meeting": context.meeting(
                row["meeting__committee__slug"], row["meeting_id"]
            ),
            "meetingStart": _iso(row["meeting__start"]),
            "person": context.person(person) if person else None,
            "guestName": row["guest_name"],
            "status": row["status"],
            "substituteFor": context.person(substitute_for) if substitute_for else None,
            "capacity": row["capacity"],
        }

    return rows, shape


FILES = {
    "members": members,
    "memberships": memberships,
    "registers": registers,
    "attendance": attendance,
}


def response(request, page, name, format, today, kept_days, files=FILES):
    """File ``name`` of ``files`` (by default, the people's files) in ``format``."""
    if name not in files:
        raise Http404("No such file")
    context = Context(request, page, today, kept_days)
    rows, shape = files[name](context)
    if format == "csv":
        return _csv(name, (shape(row) for row in rows.iterator(chunk_size=2000)))
    number = query.page_number(request)
    start = (number - 1) * PER_PAGE
    chosen = [shape(row) for row in rows[start : start + PER_PAGE + 1]]
    body = {
        "data": chosen[:PER_PAGE],
        "pagination": {"currentPage": number, "elementsPerPage": PER_PAGE},
        "links": {},
    }
    if len(chosen) > PER_PAGE:
        body["links"]["next"] = f"{context.base}{name}.json?page={number + 1}"
    if number > 1:
        body["links"]["prev"] = f"{context.base}{name}.json?page={number - 1}"
    return _open(HttpResponse(json.dumps(body), content_type="application/json"))


def _csv(name, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    header = None
    for row in rows:
        if header is None:
            header = list(row)
            writer.writerow(header)
        writer.writerow([escape_cell(_cell(row[key])) for key in header])
    if header is None:
        writer.writerow(["id"])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="board-{name}.csv"'
    return _open(response)


def _cell(value):
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else value


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response
