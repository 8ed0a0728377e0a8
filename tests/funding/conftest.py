import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.funding.factories import FundingIndexPageFactory


@pytest.fixture
def funding_page(home_page):
    """The funding index page at /funding/, as the seed creates it."""
    cache.clear()
    page = FundingIndexPageFactory(parent=home_page)
    yield page
    cache.clear()


@pytest.fixture
def editor(client, django_user_model):
    """A signed-in member of the Funding editors group."""
    user = django_user_model.objects.create_user("funder", password="x" * 16)
    user.groups.add(Group.objects.get(name="Funding editors"))
    client.force_login(user)
    return user
