import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding import bulk
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FigureFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
)

pytestmark = pytest.mark.django_db

PATHS = [
    "/funding/",
    "/funding/funds/local-growth-fund/",
    "/funding/projects/",
    "/funding/projects/?fund=local-growth-fund&stage=complete&page=1",
    "/funding/projects/bulk-3/",
    "/funding/enterprise-zones/",
    "/funding/enterprise-zones/dun-cow-quay/",
    "/funding/projects.csv",
    "/funding/projects.json",
    "/funding/rounds.csv",
    "/funding/enterprise-zones.csv",
    "/funding/enterprise-zones.geojson",
    "/funding/360giving.json",
]


def queries(client, path):
    for _ in range(2):  # warm the site, page and menu caches, as on a running site
        client.get(path)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(context.captured_queries)


@pytest.mark.slow
def test_funding_pages_and_exports_run_the_same_queries_at_10_and_5000_projects(
    client, funding_page
):
    lgf = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    FundFactory.create_batch(3)
    FundRoundFactory.create_batch(3, fund=lgf)
    FigureFactory.create_batch(4, fund=lgf)
    FundedProjectFactory(fund=lgf, stage="complete")
    EnterpriseZoneSiteFactory(slug="dun-cow-quay")
    EnterpriseZoneSiteFactory.create_batch(17)
    bulk.generate(projects=9, log=lambda message: None)
    small = {path: queries(client, path) for path in PATHS}
    bulk.generate(projects=4990, log=lambda message: None)
    large = {path: queries(client, path) for path in PATHS}
    assert large == small
    assert max(small.values()) <= 12, small
