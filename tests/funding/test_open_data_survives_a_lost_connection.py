"""A streamed open data file is read from the database before its response starts:
a connection terminated while it is sent cannot cut it short under a 200."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.funding.factories import FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db

STREAMED = [
    "/funding/projects.csv",
    "/funding/projects.json",
    "/funding/360giving.json",
]


@pytest.fixture
def projects(funding_page):
    fund = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    return [
        FundedProjectFactory(fund=fund, identifier=f"lgf-{n:03}", recipient="A Ltd")
        for n in range(5)
    ]


@pytest.mark.parametrize("path", STREAMED)
def test_streamed_files_ask_the_database_nothing_once_sending(client, projects, path):
    response = client.get(path)
    assert response.streaming

    with CaptureQueriesContext(connection) as queries:
        body = b"".join(response.streaming_content).decode()

    assert len(queries) == 0, [query["sql"] for query in queries]
    if path.endswith(".json"):
        document = json.loads(body)
        assert len(document.get("grants", document.get("projects"))) == 5
    else:
        assert len(body.strip().splitlines()) == 1 + 5
