import pytest
from django.core.cache import cache

from tests.funding.factories import FundingIndexPageFactory


@pytest.fixture
def funding_page(home_page):
    """The funding index page at /funding/, as the seed creates it."""
    cache.clear()
    page = FundingIndexPageFactory(parent=home_page)
    yield page
    cache.clear()
