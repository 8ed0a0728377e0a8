"""Committees, meetings, agenda items and papers as open data: shaped after OParl 1.1,
valid against the schemas kept in the repo, open to any site, paged, and the same SQL
with 10 meetings or thousands."""

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from meetings import board_exports, bulk
from meetings.models import Meeting, MeetingDocument
from meetings.storage import private_storage
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    pdf_bytes,
)
from tests.meetings.test_query_counts_stay_flat import count_queries

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parents[2] / "meetings" / "schemas"
FILES = ("committees", "meetings", "agenda-items", "papers")


@pytest.fixture
def record(meetings_index, board_index):
    committee = CommitteeFactory(name="Board", slug="board", quorum=3)
    meeting = MeetingFactory(committee=committee, title="Spring Board")
    item = AgendaItemFactory(
        meeting=meeting, number="4", title="Skills plan", outcome="Approved."
    )
    body = pdf_bytes("Skills plan paper")
    paper = MeetingDocumentFactory(
        meeting=meeting, agenda_item=item, title="Skills plan paper", body=body
    )
    return {
        "committee": committee,
        "meeting": meeting,
        "item": item,
        "paper": paper,
        "body": body,
    }


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Access-Control-Allow-Origin"] == "*", url
    return response


def rows(client, name):
    return json.loads(read(client, f"/board/{name}.json").content)["data"]


def test_each_file_validates_against_its_schema_and_its_csv_has_the_same_rows(
    client, record
):
    for name in FILES:
        body = json.loads(read(client, f"/board/{name}.json").content)
        schema = json.loads((SCHEMAS / f"board-{name}.schema.json").read_text())
        Draft202012Validator(schema, format_checker=FormatChecker()).validate(body)
        assert body["data"], name
        text = read(client, f"/board/{name}.csv").content.decode()
        csv_ids = [row["id"] for row in csv.DictReader(io.StringIO(text))]
        assert csv_ids == [row["id"] for row in body["data"]], name


def test_records_link_to_each_other_by_their_public_addresses(client, record):
    meeting_url = f"http://testserver{record['meeting'].url}"
    committee_url = "http://testserver/meetings/board/"
    [committee] = rows(client, "committees")
    assert committee["id"] == committee["web"] == committee_url
    assert committee["type"] == "https://schema.oparl.org/1.1/Organization"
    assert committee["quorum"] == 3
    [meeting] = rows(client, "meetings")
    assert meeting["id"] == meeting_url
    assert meeting["name"] == "Spring Board"
    assert meeting["organization"] == [committee_url]
    [item] = rows(client, "agenda-items")
    assert item["meeting"] == meeting_url
    assert (item["number"], item["name"], item["result"]) == (
        "4",
        "Skills plan",
        "Approved.",
    )
    [paper] = rows(client, "papers")
    assert paper["agendaItem"] == item["id"]
    assert paper["meeting"] == meeting_url
    assert paper["downloadUrl"] == f"http://testserver{record['paper'].url}"
    assert item["id"].startswith("http://testserver/board/agenda-items.json#")


def test_a_papers_size_and_sha256_are_those_of_the_file_served(client, record):
    [paper] = rows(client, "papers")
    served = b"".join(client.get(record["paper"].url).streaming_content)
    assert served == record["body"]
    assert paper["size"] == len(served)
    assert paper["sha256Checksum"] == hashlib.sha256(served).hexdigest()


def test_serving_the_papers_file_never_reads_a_paper(client, record):
    private_storage().delete(record["paper"].file.name)
    [paper] = rows(client, "papers")
    assert paper["size"] == len(record["body"])
    assert paper["sha256Checksum"] == hashlib.sha256(record["body"]).hexdigest()


def test_an_uploaded_paper_has_its_size_and_sha256_stored_once(
    client, record, django_user_model
):
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    user = django_user_model.objects.create_user("secretary", password="x" * 16)
    user.groups.add(Group.objects.get(name="Board secretaries"))
    client.force_login(user)
    data = pdf_bytes("Uploaded paper")
    client.post(
        reverse("meetings_admin_documents", args=[record["meeting"].pk]),
        {"upload": "1", "files": [SimpleUploadedFile("uploaded.pdf", data)]},
    )
    stored = MeetingDocument.objects.get(file_name="uploaded.pdf")
    assert stored.file_size == len(data)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()


def test_a_confidential_item_gives_its_reason_never_its_outcome_or_papers(
    client, record
):
    secret = AgendaItemFactory(
        meeting=record["meeting"],
        title="Land deal",
        confidential=True,
        confidential_paragraph=3,
        outcome="Secret price agreed",
    )
    MeetingDocumentFactory(
        meeting=record["meeting"], agenda_item=secret, title="Secret land paper"
    )
    items = {item["name"]: item for item in rows(client, "agenda-items")}
    assert items["Land deal"]["public"] is False
    assert items["Land deal"]["result"] is None
    assert items["Land deal"]["exemption"]
    for name in FILES:
        for format in ("json", "csv"):
            body = read(client, f"/board/{name}.{format}").content.decode()
            assert "Secret" not in body, (name, format)


def test_a_long_list_comes_a_page_at_a_time_with_a_link_to_the_next(
    client, record, monkeypatch
):
    monkeypatch.setattr(board_exports, "PER_PAGE", 2)
    for n in range(4):
        MeetingFactory(committee=record["committee"], title=f"Example meeting {n}")
    first = json.loads(read(client, "/board/meetings.json").content)
    assert len(first["data"]) == 2
    assert first["pagination"] == {"currentPage": 1, "elementsPerPage": 2}
    assert first["links"]["next"] == "http://testserver/board/meetings.json?page=2"
    second = json.loads(read(client, "/board/meetings.json?page=2").content)
    assert second["links"]["prev"] == "http://testserver/board/meetings.json?page=1"
    assert "next" in second["links"]
    last = json.loads(read(client, "/board/meetings.json?page=3").content)
    assert len(last["data"]) == 1 and "next" not in last["links"]
    ids = [row["id"] for page in (first, second, last) for row in page["data"]]
    assert len(ids) == len(set(ids)) == Meeting.objects.count() == 5


def test_the_board_and_meetings_pages_list_the_files(client, record):
    for page in ("/board/", "/meetings/"):
        text = read_page(client, page)
        for name in FILES:
            assert f'href="/board/{name}.json"' in text, (page, name)
            assert f'href="/board/{name}.csv"' in text, (page, name)
    assert 'href="/board/members.json"' in read_page(client, "/board/")


def read_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.slow
def test_the_files_run_the_same_queries_at_10_and_thousands_of_meetings(client, record):
    bulk.generate(
        meetings=9, documents=40, log=lambda message: None, show_progress=False
    )
    urls = [f"/board/{name}.{format}" for name in FILES for format in ("json", "csv")]
    urls += ["/board/papers.json?page=2", "/meetings/"]
    small = {url: count_queries(client, url) for url in urls}
    assert Meeting.objects.count() == 10

    bulk.generate(
        meetings=3000, documents=6000, log=lambda message: None, show_progress=False
    )
    assert MeetingDocument.objects.public().count() > board_exports.PER_PAGE * 2
    large = {url: count_queries(client, url) for url in urls}

    assert large == small
    print("Queries per file:", small)
    assert max(small.values()) <= 12, small
