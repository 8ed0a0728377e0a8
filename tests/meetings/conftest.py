import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.meetings.factories import BoardIndexPageFactory, MeetingIndexPageFactory


@pytest.fixture(autouse=True)
def private_meeting_files(settings, tmp_path):
    """Each test keeps its papers in its own folder and starts with an empty cache."""
    settings.MEETINGS_PRIVATE_ROOT = tmp_path / "private-meetings"
    cache.clear()
    yield settings.MEETINGS_PRIVATE_ROOT
    cache.clear()


@pytest.fixture
def meetings_index(home_page):
    return MeetingIndexPageFactory(parent=home_page)


@pytest.fixture
def board_index(home_page):
    return BoardIndexPageFactory(parent=home_page)


@pytest.fixture
def secretary(client, django_user_model):
    """A signed-in member of the Board secretaries group."""
    user = django_user_model.objects.create_user("secretary", password="x" * 16)
    user.groups.add(Group.objects.get(name="Board secretaries"))
    client.force_login(user)
    return user
