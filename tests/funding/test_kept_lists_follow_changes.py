"""Project tables are kept under the content version: a change shows on the next view,
and each fund, filter and page keeps its own rows."""

import re

import pytest

from tests.funding.factories import FundedProjectFactory, FundFactory, SourceFactory

pytestmark = pytest.mark.django_db


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return re.findall(
        r'<th scope="row"><a [^>]+>([^<]+)</a>', response.content.decode()
    )


def test_a_project_renamed_after_a_render_shows_its_new_title(client, funding_page):
    fund = FundFactory(slug="growing-places-fund")
    project = FundedProjectFactory(fund=fund, title="Old title")
    urls = ["/funding/projects/", "/funding/funds/growing-places-fund/"]
    assert all(titles(client, url) == ["Old title"] for url in urls)

    project.title = "New title"
    project.save_revision().publish()

    assert all(titles(client, url) == ["New title"] for url in urls)


def test_each_fund_filter_and_page_keeps_its_own_rows(client, funding_page):
    source = SourceFactory()
    first, second = FundFactory(slug="first"), FundFactory(slug="second")
    for n in range(30):
        FundedProjectFactory(fund=first, title=f"First {n:02}", source=source)
    FundedProjectFactory(fund=second, title="Second 00", source=source, stage="")

    expected = {
        "/funding/projects/?fund=second": ["Second 00"],
        "/funding/projects/?fund=first&page=2": [
            f"First {n:02}" for n in range(25, 30)
        ],
        "/funding/funds/second/": ["Second 00"],
        "/funding/funds/first/?page=2": [f"First {n:02}" for n in range(25, 30)],
        "/funding/projects/?fund=nope": [f"First {n:02}" for n in range(25)],
    }
    for _ in range(2):  # the second time from the kept tables
        for url, rows in expected.items():
            assert titles(client, url) == rows, url
