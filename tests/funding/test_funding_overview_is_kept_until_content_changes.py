"""The funding page reads its figures and funds once, keeps what it writes of them
until public content changes, and shows a changed figure at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.models import Figure
from tests.funding.factories import FigureFactory, FundFactory, FundingIndexPageFactory

pytestmark = pytest.mark.django_db


def test_figures_and_funds_are_read_once_then_a_change_shows_at_once(
    client, home_page, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    FundingIndexPageFactory(parent=home_page, slug="funding")
    fund = FundFactory(name="Local Growth Fund")
    FigureFactory(fund=fund, label="Growth Deal awards", section=Figure.Section.FUNDING)
    for _ in range(2):  # the first view creates the site's settings: a change
        assert b"Growth Deal awards" in client.get("/funding/").content

    with CaptureQueriesContext(connection) as kept:
        assert b"Local Growth Fund" in client.get("/funding/").content
    tables = " ".join(query["sql"] for query in kept.captured_queries)
    assert "funding_figure" not in tables
    assert "funding_fund" not in tables

    figure = Figure.objects.get()
    figure.label = "Growth Deal awards, revised"
    figure.save_revision().publish()
    assert b"Growth Deal awards, revised" in client.get("/funding/").content
