"""Open data: the decisions register and the forward plan as JSON and CSV.

Each record has a stable identifier (``decision-<id>``, ``forward-plan-<id>``) and
the address of its page. The JSON follows the schemas in ``meetings/schemas/``. Rows
stream as they are read: the decisions in one query and their links (funds, rounds,
projects) in another, both ordered by decision and merged as they go, so a file of
10,000 decisions starts at once and runs the same two queries as a file of ten.
Anyone may fetch the files from a script on another site (CORS).
"""

import csv
import json

from django.http import StreamingHttpResponse
from django.utils import timezone

from meetings import decision_queries
from portal.security.spreadsheets import escape_cell

CHUNK_SIZE = 2000
PUBLISHER = "North East Local Enterprise Partnership"
SCHEMA_PATH = "meetings/schemas/{}.schema.json"


def _absolute(request, path):
    return request.build_absolute_uri(path) if path else None


def decision_record(decision, request, base, links):
    """One public decision as the JSON schema describes it: never a confidential
    item's resolution or papers. ``links`` maps "funds", "rounds" and "projects" to
    the identifiers of the public ones it concerns."""
    item = decision.agenda_item
    meeting = item.meeting
    votes = None
    if decision.votes_recorded:
        votes = {
            "for": decision.votes_for,
            "against": decision.votes_against,
            "abstained": decision.abstentions,
        }
    return {
        "id": f"decision-{decision.pk}",
        "url": _absolute(request, decision.get_url(base)),
        "title": decision.title,
        "date": decision.decided_on.isoformat(),
        "status": decision.status,
        "text": decision.public_text(),
        "votes": votes,
        "conflictsDeclared": decision.conflicts_declared,
        "committee": meeting.committee.slug,
        "meeting": {
            "id": f"meeting-{meeting.pk}",
            "url": _absolute(request, meeting.get_url(base)),
            "start": timezone.localtime(meeting.start).isoformat(),
        },
        "agendaItem": {
            "number": item.number,
            "title": item.title,
            "exempt": item.exemption if item.confidential else None,
        },
        "funds": links.get("funds", []),
        "rounds": links.get("rounds", []),
        "projects": links.get("projects", []),
        "forwardPlanEntry": (
            f"forward-plan-{decision.forward_plan_entry_id}"
            if decision.forward_plan_entry_id
            else None
        ),
        "modified": decision.updated_at.isoformat(),
    }


def plan_record(entry, request, base, links=None):
    meeting = entry.expected_meeting
    expected = None
    if meeting is not None and meeting.live:
        expected = {
            "id": f"meeting-{meeting.pk}",
            "url": _absolute(request, meeting.get_url(base)),
            "start": timezone.localtime(meeting.start).isoformat(),
        }
    return {
        "id": f"forward-plan-{entry.pk}",
        "title": entry.title,
        "summary": entry.summary,
        "committee": entry.committee.slug,
        "expectedMeeting": expected,
        "leadOfficer": {
            "name": entry.lead_officer_name,
            "jobTitle": entry.lead_officer_title,
        },
        "private": entry.private,
        "schedule12aParagraph": entry.private_paragraph if entry.private else None,
        "exempt": entry.exemption or None,
        "modified": entry.updated_at.isoformat(),
    }


def _decisions_with_links():
    """Each public decision, in order of id, with its links: two queries, read side
    by side, whatever the number of decisions."""
    decisions = decision_queries.decisions().order_by("pk").iterator(CHUNK_SIZE)
    links = decision_queries.export_links().iterator(CHUNK_SIZE)
    pending = next(links, None)
    for decision in decisions:
        found = {}
        while pending is not None and pending[0] <= decision.pk:
            if pending[0] == decision.pk:
                found.setdefault(pending[1], []).append(pending[2])
            pending = next(links, None)
        yield decision, found


def _decision_records(request, page):
    base = page.url
    for decision, links in _decisions_with_links():
        yield decision_record(decision, request, base, links)


def _records(queryset, record, request, page):
    base = page.url
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield record(row, request, base)


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(request, key, title, records, schema):
    head = {
        "title": title,
        "publisher": PUBLISHER,
        "url": request.build_absolute_uri(),
        "schema": SCHEMA_PATH.format(schema),
    }
    opening = json.dumps({**head, key: []})[:-2]

    def chunks():
        yield opening
        for n, record in enumerate(records):
            yield ("," if n else "") + json.dumps(record)
        yield "]}"

    return _open(StreamingHttpResponse(chunks(), content_type="application/json"))


class _Echo:
    def write(self, value):
        return value


def csv_response(filename, columns, rows):
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(columns)
        for row in rows:
            yield writer.writerow([escape_cell(row[column]) for column in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _open(response)


DECISION_COLUMNS = [
    "id",
    "url",
    "title",
    "date",
    "status",
    "text",
    "votes_for",
    "votes_against",
    "votes_abstained",
    "conflicts_declared",
    "committee",
    "meeting_id",
    "meeting_url",
    "meeting_start",
    "agenda_item_number",
    "agenda_item_title",
    "exempt",
    "funds",
    "rounds",
    "projects",
    "forward_plan_entry",
    "modified",
]
PLAN_COLUMNS = [
    "id",
    "title",
    "summary",
    "committee",
    "expected_meeting_id",
    "expected_meeting_url",
    "expected_meeting_start",
    "lead_officer_name",
    "lead_officer_job_title",
    "private",
    "schedule_12a_paragraph",
    "exempt",
    "modified",
]


def _flat_decision(record):
    votes = record["votes"] or {}
    return {
        **record,
        "votes_for": votes.get("for"),
        "votes_against": votes.get("against"),
        "votes_abstained": votes.get("abstained"),
        "conflicts_declared": record["conflictsDeclared"],
        "meeting_id": record["meeting"]["id"],
        "meeting_url": record["meeting"]["url"],
        "meeting_start": record["meeting"]["start"],
        "agenda_item_number": record["agendaItem"]["number"],
        "agenda_item_title": record["agendaItem"]["title"],
        "exempt": record["agendaItem"]["exempt"],
        "funds": ";".join(record["funds"]),
        "rounds": ";".join(record["rounds"]),
        "projects": ";".join(record["projects"]),
        "forward_plan_entry": record["forwardPlanEntry"],
    }


def _flat_plan(record):
    meeting = record["expectedMeeting"] or {}
    return {
        **record,
        "expected_meeting_id": meeting.get("id"),
        "expected_meeting_url": meeting.get("url"),
        "expected_meeting_start": meeting.get("start"),
        "lead_officer_name": record["leadOfficer"]["name"],
        "lead_officer_job_title": record["leadOfficer"]["jobTitle"],
        "schedule_12a_paragraph": record["schedule12aParagraph"],
    }


def decisions_json(request, page):
    records = _decision_records(request, page)
    return json_response(
        request, "decisions", "Decisions of the Board", records, "decisions"
    )


def decisions_csv(request, page):
    records = _decision_records(request, page)
    return csv_response("decisions.csv", DECISION_COLUMNS, map(_flat_decision, records))


def _plan():
    return decision_queries.forward_plan().order_by("pk")


def forward_plan_json(request, page):
    records = _records(_plan(), plan_record, request, page)
    return json_response(
        request, "entries", "The Board's forward plan", records, "forward-plan"
    )


def forward_plan_csv(request, page):
    records = _records(_plan(), plan_record, request, page)
    return csv_response("forward-plan.csv", PLAN_COLUMNS, map(_flat_plan, records))


OPEN_DATA_FILES = {
    "decisions.json": decisions_json,
    "decisions.csv": decisions_csv,
    "forward-plan.json": forward_plan_json,
    "forward-plan.csv": forward_plan_csv,
}
