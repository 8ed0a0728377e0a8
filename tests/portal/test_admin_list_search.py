"""Typing in any admin list's search box finds what it names, on every database."""

import html
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from portal.admin_viewsets import PortalSnippetViewSet

pytestmark = pytest.mark.django_db


def a_word_of(text):
    """The longest word of ``text``: what someone would type to find it."""
    return max(re.findall(r"[^\W_]+", text), key=len)


@pytest.fixture
def superuser_client(client, seeded_site):
    client.force_login(
        get_user_model().objects.create_superuser("admin", "admin@nelep.test", "x")
    )
    return client


@pytest.mark.parametrize(
    "model", get_snippet_models(), ids=lambda model: model._meta.label
)
def test_searching_a_snippet_list_finds_an_object_by_a_word_of_its_name(
    superuser_client, model
):
    index = reverse(model.snippet_viewset.get_url_name("list"))
    seeded = model.objects.order_by("pk").first()
    word = a_word_of(str(seeded)) if seeded else "anything"

    response = superuser_client.get(index, {"q": word})

    assert response.status_code == 200
    if seeded:
        assert html.escape(str(seeded)) in response.content.decode()


@pytest.mark.parametrize(
    "model", get_snippet_models(), ids=lambda model: model._meta.label
)
def test_every_snippet_is_administered_through_the_portal_base(model):
    """Its list searches in the database and its chooser needs the model's
    permission (portal/admin_viewsets.py): a new model gets both by using it."""
    assert isinstance(model.snippet_viewset, PortalSnippetViewSet)


@pytest.mark.parametrize(
    "label",
    [
        "meetings.Meeting",
        "meetings.MeetingDocument",
        "meetings.Decision",
        "funding.Fund",
        "funding.FundedProject",
        "funding.EnterpriseZoneSite",
    ],
)
def test_a_chooser_finds_an_object_by_a_word_of_its_name(
    superuser_client, label, django_capture_on_commit_callbacks
):
    """Choosers search the index (each of these models names its autocomplete
    field, so Wagtail warns of none)."""
    model = apps.get_model(label)
    seeded = model.objects.order_by("pk").first()
    name = "title" if hasattr(seeded, "title") else "name"
    setattr(seeded, name, "Zephyrine harbour works")
    with django_capture_on_commit_callbacks(execute=True):
        seeded.save()
    typed = "Zephyrine"
    results = model.snippet_viewset.chooser_viewset.get_url_name("choose_results")

    response = superuser_client.get(reverse(results), {"q": typed})

    assert response.status_code == 200
    assert html.escape(str(seeded)) in response.content.decode()
