"""A strategy read years later says when its status and planned dates were stated."""

import datetime

import pytest
from django.utils.html import strip_tags

from strategy.models import StrategyPage

pytestmark = pytest.mark.django_db


def text_of(client, path):
    return " ".join(strip_tags(client.get(path).content.decode()).split())


def test_the_seeded_status_and_plan_say_as_of_when(client, strategy_site):
    text = text_of(client, "/industrial-strategy/")

    assert "Status: In development (as of July 2019)" in text
    assert "Early 2020 (planned, as stated in July 2019)" in text
    assert "Early 2020 (planned) " not in text


def test_an_editor_updates_the_status_and_its_date(client, strategy_site):
    strategy = StrategyPage.objects.get()
    strategy.status = StrategyPage.Status.PUBLISHED
    strategy.status_as_of = datetime.date(2026, 11, 30)
    strategy.save_revision().publish()

    assert "Status: Published (as of November 2026)" in text_of(
        client, "/industrial-strategy/"
    )
